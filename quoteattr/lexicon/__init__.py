"""Word lists the pipeline reads at run time. They are plain sets and dicts: extend them.

>>> from quoteattr import lexicon
>>> lexicon.titles.ROLES.add("commissioner")
>>> lexicon.cues.REPORTING_VERBS["quip"] = ("quip", "quips", "quipped", "quipping")
>>> lexicon.cues.refresh()  # rebuild the verb-form index after editing REPORTING_VERBS
"""

from . import abbreviations, cues, mentions, pronouns, quoting, sources, titles

__all__ = ["abbreviations", "cues", "mentions", "pronouns", "quoting", "sources", "titles"]
