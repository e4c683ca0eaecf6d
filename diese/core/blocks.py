from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Texte", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "core/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    """The rich body shared by editorial pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Paragraphe",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    image = ImageBlock(label="Image")
    quote = blocks.BlockQuoteBlock(label="Citation")

    class Meta:
        label = "Contenu"
