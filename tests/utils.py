import html


def text(response) -> str:
    """A response's HTML with entities decoded, for asserting what people read."""
    return html.unescape(response.content.decode())
