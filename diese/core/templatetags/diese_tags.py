from django import template

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current Wagtail page, or the `breadcrumbs` a view gave."""
    crumbs = []
    page = context.get("page")
    if page is not None and getattr(page, "depth", 0) > 2:
        ancestors = page.get_ancestors().filter(depth__gt=1).specific(defer=True)
        crumbs = [("Accueil" if p.depth == 2 else p.title, p.url) for p in ancestors]
        crumbs.append((page.title, None))
    elif context.get("breadcrumbs"):
        crumbs = [("Accueil", "/"), *context["breadcrumbs"]]
    return {"crumbs": crumbs}


@register.filter
def member_name(user):
    """A contributor's public name; a deleted account shows as "ancien membre"."""
    if user is None:
        return "ancien membre"
    return user.get_full_name() or "membre"
