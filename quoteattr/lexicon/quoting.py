"""Words direct-quote attribution reads (``quoteattr.attribution``), at call time: extend them."""

#: Nouns that, with a possessive speaker, introduce a reproduced statement
#: (``Ruiz's full statement:``).
STATEMENT_NOUNS: set[str] = {
    "statement", "report", "post", "remarks", "letter", "message", "text", "transcript",
    "speech", "tweet", "note", "response", "reply", "comments", "announcement", "declaration",
    "comment", "remark", "statements", "memo", "email", "address", "testimony", "essay",
    "op-ed", "readout",
}

#: Relative pronouns: a quotation after one and an inverted cue sits in the relative clause
#: (``said Renner, who rates the shares a “buy”``).
RELATIVE_WORDS: set[str] = {"who", "which", "whose", "whom"}

#: Words besides the prepositions that open an adjunct, not reported content, after a cue
#: (``said Ruiz as the vote closed``).
ADJUNCT_OPENERS: set[str] = {"as", "when"}

#: Words between two cues that keep the earlier one from reporting the later
#: (``Ruiz said so, but Lind told reporters “…”``); a semicolon does the same.
CONTRAST_WORDS: set[str] = {"but", "while", "whereas"}

#: Words that may open a lead-in paragraph before its speaker (``And from Nadia Pell:``).
LEAD_IN_OPENERS: set[str] = {"and", "also"}
