"""Words that tell what a name names: a company or an outlet, not a person
(``quoteattr.organisations``, ``quoteattr.entity_learning``), a work, not speech
(``quoteattr.worktitles``), and where a sentence's subject starts (``entity_learning``).

Lower case, as the rules compare them (``co-author`` keeps its hyphen).
"""

#: Words that may open a cue's content before ``it``/``its``: the name before the cue is an
#: organisation (rule ``it-refers-back``: ``Quillfire said on Monday that it would``).
IT_CONTENT_OPENERS: set[str] = {"that", "on", "monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday", "today", "yesterday", "last",
                                "this", "week"}

#: Pronouns of a thing after a name's cue that make the name an organisation (rule
#: ``it-refers-back``: ``Quillfire announced its …``).
NEUTER_PRONOUNS: set[str] = {"it", "its"}

#: Verbs of what an outlet does, after ``the`` and its name: the name is an organisation
#: (rule ``definite-name``: ``the Gazette reported``).
PUBLISHING_VERBS: set[str] = {"reported", "reports", "reporting", "published", "publishes",
                              "revealed", "reveals"}

#: Nouns after a name's possessive that only a company has (rule ``company-possession``:
#: ``Quillfire's board``); not ``staff``, ``website``, ``headquarters`` or ``spokesman``,
#: which a candidate has too.
COMPANY_ONLY_POSSESSIONS: set[str] = {"board", "ceo", "founder", "founders", "co-founder",
                                      "subsidiary", "subsidiaries", "customers", "products"}

#: Nouns after a one-word name's possessive that make it an organisation when nothing says
#: it is a person (rule ``neuter-name``: ``Quillfire's shares``).
COMPANY_POSSESSIONS: set[str] = {"shares", "stock", "profit", "profits", "revenue",
                                 "revenues", "sales", "earnings", "shareholders",
                                 "stock price"}

#: Words that end the noun phrase of an apposition before an organisation noun would head
#: it (rule ``organisation-apposition``: ``Quillfire, a partner of the company``: no head).
APPOSITION_PHRASE_ENDS: set[str] = {"of", "that", "which", "who", "whose", "with", "for",
                                    "in", "at", "from", "and", "or", "to", "on", "by"}

#: Words that may follow an apposition's organisation noun and keep it the head (rule
#: ``organisation-apposition``: ``Quillfire, a firm that tracks …``).
APPOSITION_RELATIVES: set[str] = {"that", "which", "whose"}

#: Words after a role apposed to a name that keep the role the name's (rule
#: ``apposed-role``: ``Rainer Oostveld, the commissioner for digital affairs, said``).
ROLE_APPOSITION_LINKS: set[str] = {"at", "of", "for", "from", "in"}

#: Words that open a phrase before a sentence's subject: a name after the phrase's comma
#: may be the subject (rule ``clause-subject``: ``At the shelter, Marisol sat``).
FRONTED_OPENERS: set[str] = {"at", "in", "on", "after", "before", "during", "outside",
                             "inside", "asked", "speaking", "later", "earlier", "meanwhile",
                             "elsewhere", "back", "from", "with", "by", "for", "under", "near",
                             "across", "since"}

#: Conjunctions after an aside's closing comma that do not make the name before the aside a
#: subject (rule ``clause-subject``: ``Okafor, 34, and Lind …``; not ``Okafor, 34, sat``).
ASIDE_COORDINATORS: set[str] = {"and", "or", "but"}

#: People who make or present a work, and showings of it: before ``of`` and a short
#: Title-Case quotation they make it the work's name, no quote (rule ``title-after-maker``:
#: ``the author of “Tides of Brass,”``). ``grammar.ARTICLES`` do the same right before the
#: mark (rule ``title-after-article``).
MAKER_NOUNS: set[str] = {"author", "co-author", "authors", "editor", "co-editor", "host",
                         "co-host", "hosts", "star", "stars", "creator", "creators", "founder",
                         "producer", "producers", "writer", "writers", "publisher", "director",
                         "screening", "remake", "sequel", "copy", "copies"}

#: Words after a name apposed to the noun phrase opening its sentence that do not make the
#: name the subject (rule ``apposed-subject``: ``Noor’s mother, Samira Haddad, and …``; a
#: lower-case verb does: ``…, Samira Haddad, sat``).
APPOSED_SUBJECT_STOPS: set[str] = {"who", "which", "and", "or", "but"}

#: Source pronouns that head one unnamed person, never a group (rule ``linked-source``:
#: ``someone close to her said`` is not plural; ``sources.SOURCE_PRONOUNS`` holds them all).
SINGULAR_SOURCE_PRONOUNS: set[str] = {"someone", "anyone"}

#: Words that introduce the name of a role or source just described (``the base chief known
#: as Teo``, ``an engineer named Mila Arden``); ``known`` needs ``as`` after it.
NAME_INTRODUCERS: set[str] = {"named", "called", "known"}
