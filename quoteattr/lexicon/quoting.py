"""Words direct-quote attribution (``quoteattr.attribution``) and the quotation-mark rules
(``quoteattr.quotemarks``) read, at call time: extend them with
:func:`quoteattr.lexicon.extend`."""

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

#: Nouns naming a work before its title: the quotation is a title, not speech (``his 2019
#: book, “Tides of Brass,”``).
WORK_NOUNS: set[str] = {
    "book", "memoir", "novel", "anthem", "song", "album", "show", "programme", "program",
    "series", "film", "movie", "documentary", "podcast", "column", "essay", "play", "project",
    "poem",
}

#: Words after which a Title-Case quotation is a name, not speech (``a website called
#: “Harbour Lights Forever”``, ``a segment entitled “…”``).
TITLE_VERBS: set[str] = {"titled", "entitled", "called", "named", "dubbed"}

#: Nouns naming part of a series before ``of`` and a title (``this week's episode of “…”``).
WORK_PART_NOUNS: set[str] = {"episode", "edition", "broadcast", "issue", "installment",
                             "instalment", "segment", "season", "premiere", "chapter"}

#: Words elided with a leading straight apostrophe and followed by a space (``'em``,
#: ``'til``): the apostrophe opens no quotation.
ELISIONS: set[str] = {"em", "til", "cause", "n", "tis"}

#: Verbs of manner of speaking that are no reporting verbs but, right beside a quotation,
#: are its cue (rule ``manner-verb``: ``“…,” Ruiz sighed``, ``“…,” scoffed Lind``).
MANNER_VERBS: set[str] = {
    "sighed", "laughed", "shrugged", "fumed", "scoffed", "snapped", "smiled", "grinned",
    "chuckled", "demurred", "interjected", "groaned", "huffed", "snorted", "beamed",
    "gushed", "sniffed", "marveled", "marvelled", "deadpanned", "sneered", "bristled",
    "sighs", "laughs", "shrugs", "fumes", "scoffs", "snaps", "smiles", "grins", "chuckles",
}
