"""Words of web pages that ``quoteattr.webpage`` reads, at call time: extend them with
:func:`quoteattr.lexicon.extend`."""

#: Class and id words of page furniture: an element whose class or id holds one is skipped
#: (a class is split at ``-``, ``_`` and spaces; the words of one class joined, ``top-bar`` →
#: ``topbar``, are checked too).
FURNITURE_CLASS_WORDS: set[str] = {
    "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "signup", "promo",
    "advert", "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored", "share",
    "sharing", "social", "related", "recommended", "comments", "comment", "breadcrumb",
    "breadcrumbs", "nav", "navbar", "navigation", "menu", "sidebar", "footer", "popup",
    "modal", "paywall", "toolbar", "topbar", "textsize", "fontsize", "mostread",
    "mostpopular", "readmore", "sharebar", "siteheader", "sitefooter", "masthead", "tags",
    "skiplink", "outbrain", "taboola",
}
