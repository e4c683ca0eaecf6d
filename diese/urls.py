from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from diese.core import views as core_views
from diese.core.navigation import pending_sections

handler500 = "diese.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/", include("diese.accounts.urls")),
    path("recherche/", include("diese.search.urls")),
    path("lettre/", include("diese.newsletter.urls")),
    path("", include("diese.resources.urls")),
    path("", include("diese.taxonomy.urls")),
    path("relecture/<str:token>/", core_views.approval, name="approval"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("", include("diese.news.urls")),
    path("flux/", include("diese.watch.urls")),
]

urlpatterns += [
    path(f"{slug}/", core_views.section_pending, {"slug": slug})
    for slug in pending_sections()
]

if settings.DIESE_SERVE_MEDIA:
    # Image renditions only: documents are served by Wagtail's view, which
    # checks page privacy, never straight from the media folder.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>images/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
