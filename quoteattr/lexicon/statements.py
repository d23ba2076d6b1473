"""Words of the rules that give a paragraph or a quotation a speaker with no cue of its
own: statement and reading lead-ins (``quoteattr.transcripts``) and action beats
(``quoteattr.direct_quotes``). ``quoting.STATEMENT_NOUNS`` names the documents.
"""

#: Words of a lead-in ending in ``:`` that, with a statement noun, introduce a reproduced
#: statement (rule ``statement-lead-in``: ``Read the full memo:``, ``Here is the text:``).
STATEMENT_LEAD_WORDS: set[str] = {"full", "read", "here", "entire", "text"}

#: Forms of ``read`` after a name that open a reading lead-in (rule ``read-aloud-lead-in``:
#: ``Ruiz read from a letter``).
READ_VERBS: set[str] = {"read", "reads"}

#: Words that may stand between ``read`` and ``from`` in a reading lead-in (rule
#: ``read-aloud-lead-in``: ``read aloud from``, ``read out from``).
READ_PARTICLES: set[str] = {"aloud", "out"}

#: Pronouns that, opening the sentence before an uncued quotation, give it the person they
#: refer to (rule ``action-beat``: ``She shrugged. “…”``); ``they`` gives none.
BEAT_PRONOUNS: set[str] = {"he", "she"}

#: Verbs of putting out a document whose subject speaks its quoted words (``Ruiz issued a
#: statement saying …“…”``; rule ``issued-statement``).
ISSUE_VERBS: set[str] = {"issued", "issues", "released", "releases", "published", "publishes",
                         "sent", "put", "posted", "emailed"}
