from django.urls import path

from . import feeds

app_name = "watch"

urlpatterns = [
    path("", feeds.LatestFeed(), name="latest"),
    path("publics/<slug:slug>/", feeds.AudienceFeed(), name="audience"),
    path("themes/<slug:slug>/", feeds.ThemeFeed(), name="theme"),
    path("mots-cles/<slug:slug>/", feeds.KeywordFeed(), name="keyword"),
    path("<slug:section_slug>/", feeds.SectionFeed(), name="section"),
]
