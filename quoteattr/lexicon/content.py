"""Words the reported-speech rules read (``quoteattr.reported``) to find where an indirect
quote's content starts and ends, at call time: extend them with
:func:`quoteattr.lexicon.extend`.
"""

#: Words after a comma that hand the sentence back to the reporter (``…, but the board
#: disagreed``, ``…, adding that …``).
NARRATION_BREAKERS: set[str] = {
    "but", "after", "though", "although", "while", "as", "which", "according", "where", "when",
    "before", "even", "despite", "amid", "prompting", "adding", "saying", "noting",
    "describing", "calling", "citing", "referring", "suggesting", "arguing", "following",
    "seeking", "hoping", "aiming", "urging", "encouraging", "warning", "insisting",
    "signaling", "signalling", "underscoring",
}

#: Conjunctions that join a content-first sentence to the one before it.
LEADING_CONJUNCTIONS: set[str] = {"but", "and", "yet", "so"}

#: Sentence adverbs that are the reporter's before a comma (``However, the talks …``) but may
#: modify the content's first word without one (``However laudable the goal, …``).
LEADING_ADVERBS: set[str] = {"however", "meanwhile", "still", "moreover", "nonetheless",
                             "nevertheless", "indeed", "instead"}

#: Words that open a new clause after a noun phrase, ending the content before them.
NEW_CLAUSE_OPENERS: set[str] = {
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "many",
    "some", "other", "on", "in", "at", "by", "later", "then",
}

#: Words that open a noun-phrase object of a cue (``announced the new route``).
OBJECT_OPENERS: set[str] = {
    "the", "a", "an", "it", "him", "her", "them", "this", "that", "these", "those", "his",
    "their", "its", "half", "some", "many", "all", "both", "each", "every", "one", "two",
    "three", "several", "most",
}

#: Words that open a clause as its subject after a cue without ``that`` (``said it would``).
SUBJECT_OPENERS: set[str] = {"he", "she", "they", "it", "we", "i", "there", "this", "these",
                             "those"}

#: Personal pronouns that open a clause as its subject (``announced they would``).
PRONOUN_SUBJECTS: set[str] = {"he", "she", "they", "we", "i"}

#: Words that cannot open reported content (``urged them to act``, ``told him about``).
NOT_CLAUSE_START: set[str] = {
    "to", "about", "for", "of", "on", "with", "at", "by", "from", "into", "as", "and", "or",
    "if", "whether", "how", "what", "why", "when", "where", "who", "so", "than", "up", "out",
    "off", "down", "over",
}

#: Quantity words that, without a verb after them, are what was said of, not content:
#: ``has said little in public``, ``said nothing about the pier`` (but ``said nothing
#: would change`` is a clause).
PRO_FORM_OBJECTS: set[str] = {"little", "nothing", "much", "less", "so"}

#: Words that end a noun-phrase content (``announced the route after a vote``);
#: ``quoting.ADJUNCT_OPENERS`` are the ones after an inverted cue.
NOUN_PHRASE_ENDERS: set[str] = {"after", "before", "while", "when", "amid", "following",
                                "despite", "because", "since", "until", "ahead"}

#: Words after which a finite verb belongs to a relative clause inside the noun phrase.
RELATIVE_OPENERS: set[str] = {"that", "which", "who", "whom", "whose"}

#: Words that open an indirect question or a relative clause (``explained how …``).
WH_WORDS: set[str] = {"how", "what", "where", "when", "why", "whether", "who", "which"}

#: Nouns of a stretch of time that, after a comma and before ``after``/``before``, hand the
#: sentence back to the reporter (``…, hours after the call``).
TIME_SPAN_NOUNS: set[str] = {"hours", "days", "weeks", "months", "years", "minutes",
                             "moments", "shortly", "soon", "just", "only"}

#: Prepositions (and ``speaking``, ``asked``, ``pressed``) that open an adjunct phrase before
#: a cue clause (``Through a spokesperson, Ruiz said …``).
LEAD_PREPOSITIONS: set[str] = {"through", "in", "on", "at", "during", "via", "from", "after",
                               "before", "with", "by", "for", "speaking", "asked", "pressed"}

#: Words that open a reported question (``asked whether …``, ``would not say when …``).
QUESTION_OPENERS: set[str] = {"whether", "if", "how", "why", "when", "where", "what", "who"}

#: Words that open an embedded question or a free relative after a verb of
#: ``lexicon.cues.WH_CLAUSE_VERBS`` (``recalled how the pier flooded``).
WH_CLAUSE_OPENERS: set[str] = {"whether", "how", "why", "where", "what", "who"}

#: A question put to the speaker by an asker the article does not name (rule
#: ``asked-question``): the passive forms of asking (``Asked whether …, Ruiz said``), the words
#: before a lower-case one that frame it (``when asked about …``, ``Ruiz was asked whether
#: …``), the words that may stand between it and the question (``Asked later whether …``),
#: and the words that open the topic asked about, left out of the content (``asked about the
#: levy`` → ``the levy``).
ASKED_FORMS: set[str] = {"asked"}
ASKED_FRAMES: set[str] = {"when", "whenever", "was", "were", "is", "are", "been", "being"}
ASKED_ADVERBS: set[str] = {"specifically", "directly", "again", "later", "repeatedly",
                           "separately", "on", "last", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday", "week", "month",
                           "earlier", "once", "twice", "recently", "afterward", "afterwards"}
ASKED_TOPIC_WORDS: set[str] = {"about"}
ASKED_QUESTION_OPENERS: set[str] = {"whether", "if", "how", "why", "when", "where", "what",
                                    "who", "which"}

#: Audiences that stay in a directive's cue (``told reporters to wait`` → ``to wait``).
PRESS_LISTENERS: set[str] = {"reporters", "journalists", "press", "audience", "viewers",
                             "listeners", "readers"}

#: Words that, between a directive's listener and its ``to``, mark an adjunct of the cue
#: (``told her aides at a briefing to …``): the listener then stays in the cue.
LISTENER_ADJUNCTS: set[str] = {
    "at", "in", "on", "during", "with", "by", "for", "from", "after", "before", "via",
    "through", "over", "last", "this", "yesterday", "today", "repeatedly", "again",
}

#: Determiners that open an apposition describing the noun before its comma (rule
#: ``place-apposition``: ``posted on Chirrup, the site she uses most: “…”``).
APPOSITION_DETERMINERS: set[str] = {"the", "a", "an"}

#: Last words of a bare time adverbial (``Hours later``, ``Two days ago``; rule ``time-lead``).
TIME_LEAD_ENDINGS: set[str] = {"later", "earlier", "ago"}

#: Words after a quotation that, before a verb, leave it a direct quote, not the start of
#: mixed content (``said “we are ready” and left``).
QUOTE_THEN_VERB_LINKS: set[str] = {"and", "but", "before", "then"}

#: Relative pronouns of a person: after a comma they end a noun-phrase content (``cited
#: Lind, who …``).
PERSON_RELATIVES: set[str] = {"who", "whose", "whom"}

#: Words after a ``TIME_SPAN_NOUNS`` word that hand the sentence back to the reporter
#: (``…, hours after the call``, ``…, days later``).
TIME_SPAN_LINKS: set[str] = {"after", "before", "later", "earlier", "ago"}

#: Relative pronouns that open an aside inside the content (rule ``relative-aside``: ``the
#: plan, which the board approved in May, had failed``).
ASIDE_RELATIVES: set[str] = {"which", "who"}

#: Words that, before a number, open a clause, not a topic (``about 20 people have …``).
APPROXIMATORS: set[str] = {"about", "over", "up"}

#: Conjunctions that end a noun-phrase object before a finite verb is found (``announced
#: the arrest and said …``).
OBJECT_CONJUNCTIONS: set[str] = {"and", "or", "but"}

#: Prepositions that open an adjunct ending a noun-phrase content before a determiner or a
#: time word (``announced the route in a post``, ``… on Monday``).
ADJUNCT_PREPOSITIONS: set[str] = {"in", "on", "at", "via", "through", "during"}

#: Determiners after an ``ADJUNCT_PREPOSITIONS`` word that make it an adjunct.
ADJUNCT_DETERMINERS: set[str] = {"a", "an", "his", "her", "their", "its"}

#: Conjunctions of a condition: content after ``said`` that opens with one is conditional
#: (rule ``conditional-content``: ``said if the vote fails, the pier closes``).
CONDITIONALS: set[str] = {"if", "unless"}

#: Words a content does not end with before a nested description cue (``a call which Ruiz
#: described as``).
TRAILING_LINKS: set[str] = {"that", "which", "who", ","}

#: Relative pronouns before a cue's subject that put the cue in a relative clause (rule
#: ``subordinate-cue``: ``the levy, which Ruiz said would pass, was …``).
OBJECT_RELATIVES: set[str] = {"which", "whom"}

#: Words besides ``LEAD_PREPOSITIONS`` that open a framing phrase, no content, before an
#: aside cue (``As she said, “…”``).
FRAMING_LEADS: set[str] = {"as", "for"}

#: Words that may come before ``As`` in ``But as Ruiz noted, …`` (rule ``as-source``): the
#: sentence is still the source's content.
AS_SOURCE_OPENERS = {"but", "and", "yet", "so", "still", "indeed", "just"}

#: Phrases after a comma that carry a cue's content on instead of handing the sentence back
#: to the reporter, by the boundary rule that reads each: one set of words per position
#: (``, but not …`` / ``, but only …``; ``, as well as …``; ``, even if …``).
CONTINUATION_PHRASES: dict[str, tuple[set[str], ...]] = {
    "but-not-ellipsis": ({"but"}, {"not", "only"}),
    "as-well-as": ({"as"}, {"well"}, {"as"}),
    "even-if-condition": ({"even"}, {"if"}),
}

#: Past and -ing forms of labelling verbs that start a mixed quote at a pronoun object
#: (``calling him “a stiff”``); the base form (``call him “…”``) is left alone.
LABEL_FORMS: set[str] = {"called", "calling", "labelled", "labeled", "labelling", "labeling",
                         "dubbed", "dubbing"}

#: Words after a quoted label that go on qualifying it (rule ``label-tail``: ``called the
#: plan “reckless” for its cost``, ``… “a mistake” because …``).
LABEL_TAIL_LINKS: set[str] = {"as", "of", "about", "who", "for", "on", "because", "with"}

#: Coordinators that join a second quoted label to the first (``“reckless” and “rushed”``).
LABEL_COORDINATORS: set[str] = {"and", "or"}

#: Object pronouns for people a labelling verb takes before the quoted label (``called it
#: “…”`` stays a direct fragment).
LABEL_OBJECTS: set[str] = {"him", "her", "them", "me", "us", "you"}

#: Words that may stand between a cue and its ``that`` without being content (rule
#: ``adverb-before-that``: ``said only that …``, ``said late Wednesday that …``); any
#: lower-case word ending in ``-ly`` counts too.
PRE_THAT_WORDS: set[str] = {"only", "just", "again", "late", "early", "soon", "then", "now",
                            "later", "earlier", "once", "also", "monday", "tuesday",
                            "wednesday", "thursday", "friday", "saturday", "sunday",
                            "morning", "afternoon", "evening", "night", "last", "this",
                            "week", "month", "year", "today", "yesterday", "tonight"}

#: Most words ``adverb-before-that`` skips before ``that``.
MAX_PRE_THAT = 3
