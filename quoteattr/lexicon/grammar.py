"""Function words the cue, subject and attribution rules read (``quoteattr.cues``,
``quoteattr.attribution``, ``quoteattr.normalization``), at call time: extend them with
:func:`quoteattr.lexicon.extend`.

Lower case; a few sets hold punctuation tokens too (``PARTICIPLE_LINKS`` holds ``,``).
"""

#: Prepositions that open an adjunct or a phrase after a cue or a subject (``said on
#: Monday``, ``Ruiz of the harbour board``).
PREPOSITIONS: set[str] = {
    "on", "in", "at", "during", "via", "to", "from", "through", "over", "before", "with",
    "after", "while", "outside", "inside", "by", "of",
}

#: Words before a reporting-verb form that make it a noun or an adjective, not a cue (``in
#: a post``, ``her comments``, ``the latest report``).
NOUN_BEFORE: set[str] = {
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that",
    "whose", "social", "media", "in", "new", "latest", "first", "last", "earlier", "recent",
    "of", "to",
}

#: Words of ``NOUN_BEFORE`` that are also adverbs before a past form (``Ruiz first said``;
#: rule ``adverb-before-cue``).
ADVERBS_BEFORE_VERB: set[str] = {"first", "earlier", "last"}

#: Auxiliaries that make the participle after them passive, no cue (``was reported``).
PASSIVE_AUXILIARIES: set[str] = {"was", "were", "been", "being", "is", "are", "be", "get",
                                 "got", "gets"}

#: Adverbs that may stand between a passive auxiliary and its participle (``was also told``).
PASSIVE_GAP_ADVERBS: set[str] = {"also", "later", "reportedly", "then", "not"}

#: Words before a verb's base form (``they call it a tax``, ``would label it a tax``).
BASE_FORM_BEFORE: set[str] = {
    "i", "we", "you", "they", "to", "will", "would", "should", "could", "might", "may",
    "must", "can", "did", "do", "does", "often", "also", "now",
}

#: Nouns after ``a`` that make a time, not a predicate (``called him a week ago``).
TIME_NOUNS: set[str] = {
    "week", "day", "month", "year", "decade", "few", "second", "third", "couple", "time",
    "minute", "hour", "lot", "number", "while", "bit", "little",
}

#: Words after ``to`` that make it a preposition, no infinitive (``to the press``, ``to them``).
NOT_INFINITIVE: set[str] = {
    "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that",
    "these", "those", "him", "them", "me", "us", "whom", "which", "what", "all", "each",
    "every", "some", "any", "no", "both", "one", "date", "power", "office", "court",
}

#: Tokens that end a prepositional phrase after a cue, as written (``said on Monday that``).
PHRASE_STOPS: set[str] = {",", ":", "that", "—", "–", ";", "."}

#: Words ending in -ly that are not adverbs (as written: ``family`` is no manner adverb).
LY_NOUNS: set[str] = {"family", "assembly", "supply", "monopoly", "anomaly", "rally", "ally",
                      "belly", "homily", "jelly"}

#: Auxiliaries of a progressive cue (``is saying``, ``were warning``).
PROGRESSIVE_AUXILIARIES: set[str] = {"is", "are", "was", "were", "been"}

#: Words before a participle cue that give it the sentence's subject (``…, saying``,
#: ``responded by saying``).
PARTICIPLE_LINKS: set[str] = {",", "by", "for", "before", "after", "while", "when", "upon"}

#: ``Ana Ruiz of the harbour board said``: the name before these speaks, not the board.
AFFILIATION_LINKS: set[str] = {"of", "from", "at", "for"}

#: ``Ruiz toured the port and said …``: after these the cue shares the sentence's subject.
COORDINATORS: set[str] = {"and", "but"}

#: ``the mayor, who said …``: after these pronouns the cue's subject is the noun phrase before
#: them (``pronouns.RELATIVE_PRONOUNS`` also holds ``that``).
CUE_RELATIVES: set[str] = {"who", "which"}

#: Conjunctions that open a subordinate clause inside a cue's adjunct: a pronoun after one is
#: a clause's subject, and the phrase is no adjunct (``said of the war as he welcomed …``).
ADJUNCT_SUBORDINATORS: set[str] = {
    "as", "when", "while", "because", "if", "since", "after", "before", "until", "though",
    "although", "where", "that", "once", "whether", "unless",
}

#: Words that open a subordinate clause before its subject: a quotation's cue in it is no
#: speaker's (rule ``subordinate-cue``: ``“…,” Ruiz said as Lind arrived``).
CLAUSE_SUBORDINATORS: set[str] = {
    "as", "after", "since", "when", "while", "because", "although", "though", "once",
    "until", "whereas", "if", "before", "whenever",
}

#: Words that may come before a ``CLAUSE_SUBORDINATORS`` word (``But even as …``, ``Ever
#: since …``).
SUBORDINATOR_LEADS: set[str] = {"but", "and", "even", "ever", "just", "yet", "so"}

#: Auxiliaries and other small words that an all-capitals text writes in lower case
#: (``normalization``'s ``all-caps`` rule; the other lexicons hold the rest).
LOWER_CASE_WORDS: set[str] = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "not",
    "no", "said", "says", "say", "me", "him", "them", "us", "than", "very", "more", "new",
}

#: Days and months: time words, but capitalised (the ``all-caps`` rule keeps their capital).
CALENDAR_WORDS: set[str] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}

#: The indefinite articles (``called the levy a tax``: a predicate noun follows).
INDEFINITE_ARTICLES: set[str] = {"a", "an"}

#: The articles a noun phrase may open with (``the``, ``a``, ``an``).
ARTICLES: set[str] = {"the", "a", "an"}

#: Negations before a directive's content (``asked not to be named``: no listener).
NEGATIONS: set[str] = {"not", "never"}

#: Words after a cue's ``once`` that keep it an adverb of the cue (``said once again``, ``once
#: more``, ``once that``); before any other word ``once`` opens a clause.
ONCE_ADVERB_NEXT: set[str] = {"that", "again", "more"}

#: Adverbs that may stand before a prepositional phrase after a cue, besides the -ly ones
#: (``conceded late on Monday``, ``said just before the vote``).
PHRASE_ADVERBS: set[str] = {"late", "early", "soon", "just", "right"}

#: Words that end an object before its predicate noun (``called that a tax`` is no
#: object-and-predicate; rule ``description-object``).
PREDICATE_OBJECT_STOPS: set[str] = {"that", "and", "for"}

#: Prepositions that may stand inside such an object (``called the use of ferries a waste``).
OBJECT_PREPOSITIONS: set[str] = {"of", "in"}

#: Words after ``told`` that open no listener (``told of the plan``, ``told that …``).
NOT_LISTENER_START: set[str] = {"that", "of"}

#: ``Nicky Doyle, 24, from Kester, who said …``: before these and an age, the person
#: speaks, not the place (rule ``person-before-place``).
ORIGIN_LINKS: set[str] = {"from", "of", "in"}

#: Relative pronouns after a comma whose clause describes the name before the comma
#: (rule ``relative-clause-head``: ``Ruiz, who helped found EDGE, said`` → Ruiz).
NAME_RELATIVES: set[str] = {"who", "whose"}

#: Prepositions before a town in ``Name of/from/in Town, Region`` (rule ``town-region``).
PLACE_PREPOSITIONS: set[str] = {"of", "from", "in", "near", "outside"}
