"""Reporting verbs and phrases: extend them with :func:`quoteattr.lexicon.extend`, which also
calls :func:`refresh` (the form → lemma index)."""

#: Verbs of saying, each lemma with its forms (present, 3rd person, past, participle, -ing).
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("post", "posts", "posted", "posting"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
}

#: Regular verbs of saying; their forms are generated (``warn`` → warns, warned, warning).
REGULAR_VERBS: set[str] = {
    "add", "announce", "insist", "warn", "claim", "argue", "note", "predict", "confirm",
    "describe", "explain", "state", "declare", "acknowledge", "admit", "allege", "assert",
    "contend", "respond", "recall", "report", "reveal", "stress", "emphasize",
    "emphasise", "repeat", "urge", "promise", "pledge", "vow", "concede", "complain", "joke",
    "quip", "boast", "shout", "yell", "scream", "whisper", "demand", "remark", "observe",
    "comment", "caution", "suggest", "ask", "answer", "counter", "retort",
    "exclaim", "mention", "conclude", "charge", "accuse", "indicate", "signal", "estimate",
    "forecast", "threaten", "agree", "disclose", "brag", "lament", "concur", "tout", "muse",
    "proclaim", "advise", "recount", "reiterate", "affirm", "clarify", "specify", "implore",
    "remind", "assure",
}

#: Listeners a cue phrase takes in after a verb of telling when they are no noun phrase of
#: their own (``told reporters``, ``told me``).
CUE_LISTENERS: set[str] = {"reporters", "journalists", "me", "us", "him", "her", "them",
                           "lawmakers", "supporters", "viewers", "listeners", "police"}

#: Verbs of evaluation and mention whose content is usually a noun phrase (``cited the
#: audit``, ``criticized the plan``); reported with the ``cue-then-object`` rule.
OBJECT_CUE_VERBS: set[str] = {
    "cite", "question", "criticize", "criticise", "praise", "condemn", "blast", "propose",
    "endorse", "thank", "slam", "decry", "denounce", "hail", "applaud", "lambast",
    "deride", "highlight", "recommend",
}

#: Verbs that take a noun object as readily as a clause: their content needs ``that`` or a
#: subject pronoun (``announced the meeting`` is not reported speech; ``quoteattr.reported``).
NOUN_OR_CLAUSE_VERBS: set[str] = {
    "announce", "confirm", "deny", "reveal", "report", "acknowledge", "admit", "post", "tweet",
    "write", "repeat", "mention", "disclose", "signal", "tout", "pledge", "promise", "vow",
    "threaten", "demand", "ask", "urge", "answer", "recount", "reiterate", "proclaim",
    "forecast", "estimate", "praise", "criticize", "blame", "dismiss", "welcome",
}

#: Verbs that are cues only with a particle (``called for``, ``pointed to``, ``spoke of``);
#: the cue's lemma is the verb and the particle (``call for``).
PHRASAL_CUES: dict[str, set[str]] = {
    "call": {"for", "on"}, "point": {"to", "out"}, "talk": {"about"}, "speak": {"of", "about"},
    "comment": {"on"}, "complain": {"about"}, "refer": {"to"},
}

#: Verbs of belief and intention: cues only when a caller asks for beliefs
#: (``extract(text, include_beliefs=True)``): ``Ruiz believes the port will reopen``.
BELIEF_VERBS: set[str] = {"think", "believe", "want", "hope", "expect", "fear", "feel",
                          "doubt", "worry", "suspect", "plan", "intend", "wish"}

#: Verbs of commitment whose content may be an infinitive (``vowed to rebuild the pier``).
COMMITMENT_VERBS: set[str] = {"promise", "pledge", "vow", "threaten"}

#: Verbs whose object is the listener, not the content (``told reporters that …``).
ADDRESSEE_VERBS: set[str] = {"tell", "ask", "urge", "advise", "warn", "remind", "assure",
                             "implore"}

#: Verbs whose listener and infinitive are what was said (``urged the council to act`` →
#: ``the council to act``; rule ``directive``).
DIRECTIVE_VERBS: set[str] = {"tell", "ask", "urge", "advise", "warn", "implore", "call on"}

#: Directive cues that are no cue without a listener and an infinitive (``called on the
#: mayor at home`` is a visit).
DIRECTIVE_ONLY: set[str] = {"call on"}

#: Verbs that are cues only right before a quotation they introduce, after ``:`` or ``,``
#: (``Ruiz continued: “…”``); elsewhere they are not speech (``the talks continued``).
INTRODUCING_VERBS: set[str] = {"continue"}

#: Phrasal verbs that are cues where ``continue`` is one, right before or after a quotation
#: they carry on (``“…,” she went on. “…”``, ``he went on, “…”``): lemma → particle, forms.
INTRODUCING_PHRASAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "go on": ("on", ("go", "goes", "went", "going", "gone")),
    "carry on": ("on", ("carry", "carries", "carried", "carrying")),
}


def introducing_phrasal(word: str, particle: str) -> str | None:
    """The lemma of ``word particle`` (``went on`` → ``go on``) in INTRODUCING_PHRASAL."""
    for lemma, (want, forms) in INTRODUCING_PHRASAL.items():
        if particle == want and word in forms:
            return lemma
    return None

#: Verbs that take an ``as`` complement quoting a description (``described it as "…"``).
DESCRIPTION_VERBS: set[str] = {"describe", "call", "label", "dub", "characterize",
                               "characterise"}

#: Description verbs that take an object and a predicate noun (``called the levy a tax``).
PREDICATE_VERBS: set[str] = {"call", "label", "dub"}

#: Multi-word cues that attribute the clause around them.
ACCORDING_TO: tuple[str, ...] = ("according to",)

#: Verbs of saying that form a cue with the word after them (``made clear that``): each
#: form of the verb with its words; the cue's lemma is the base form (``LIGHT_VERB_BASE``,
#: else the form itself) and the word: ``made plain`` → ``make plain``.
LIGHT_VERB_CUES: dict[str, set[str]] = {
    "make": {"clear", "plain"},
    "made": {"clear", "plain"},
    "makes": {"clear", "plain"},
    "making": {"clear", "plain"},
}

#: Base forms of the inflected keys of ``LIGHT_VERB_CUES``.
LIGHT_VERB_BASE: dict[str, str] = {"made": "make", "makes": "make", "making": "make"}


def light_verb_lemma(form: str, word: str) -> str:
    """The lemma of the light-verb cue ``form word``: ``light_verb_lemma("made", "plain")``
    is ``make plain``."""
    return f"{LIGHT_VERB_BASE.get(form, form)} {word}"

#: Where a statement was published; extends a cue (``posted on X``, ``said in a statement``).
MEDIA: set[str] = {
    "x", "twitter", "facebook", "instagram", "telegram", "threads", "bluesky", "tiktok",
    "youtube", "linkedin", "truth social", "social media", "a statement", "a post",
    "an interview", "a video", "a briefing", "a press conference", "a news conference",
    "a speech", "an email", "a letter", "a tweet", "a podcast",
}

#: Auxiliaries and adverbs that may sit between a speaker and the cue (``has also said``).
CUE_MODIFIERS: set[str] = {
    "has", "have", "had", "will", "would", "was", "were", "is", "are", "did", "does", "do",
    "could", "may", "might", "should", "can", "also", "later", "then", "previously", "again",
    "recently", "repeatedly", "once", "reportedly", "publicly", "privately", "earlier",
    "separately", "immediately", "already", "still", "just", "never", "often", "even",
    "directly", "initially", "first", "finally", "not", "subsequently", "quickly", "flatly",
    "firmly", "openly", "simply", "further", "long", "been", "being", "both",
}

#: Words besides :data:`CUE_MODIFIERS` that may stand between a subject and its cue once an
#: aside adverb is skipped (``Ruiz has since said``, ``the pilots have, however, warned``).
SUBJECT_GAP_WORDS: set[str] = {"since", "now", "themselves", "himself",
                               "herself", "itself", "must"}

#: Words that open a clause inside a subject's aside, after which its verbs are the
#: aside's, not the sentence's (``Ruiz, who has refused to run, said``).
ASIDE_CLAUSE_OPENERS: set[str] = {"who", "whom", "whose", "which", "that", "when", "while",
                                  "including", "like", "after", "before", "because", "if",
                                  "although", "though", "as"}

#: Words before a sentence's opening subject that rule ``subject-before-aside`` skips
#: (``But two pilots, both at the helm for years, said``).
SENTENCE_OPENERS: set[str] = {"but", "and", "so", "yet", "still", "even", "now", "then"}
#: Most tokens the opening subject of rule ``subject-before-aside`` may take.
MAX_ASIDE_SUBJECT = 12

#: Determiners that, before a singular noun no lexicon knows, open rather a thing than a
#: speaker (``The report, sent to the board, called …``; rule ``subject-before-aside``).
DEFINITE_DETERMINERS: set[str] = {"the", "his", "her", "its", "their", "this", "that"}

#: Verbs before ``to`` and a cue that leave the cue its subject (``continues to insist``,
#: ``appeared to suggest``, ``went on to say``).
CATENATIVE_VERBS: set[str] = {
    "continue", "continues", "continued", "continuing", "appear", "appears", "appeared",
    "seem", "seems", "seemed", "try", "tries", "tried", "began", "begin", "begins",
    "started", "start", "starts", "went", "goes", "go", "proceeded", "used", "sought",
    "seeks", "hastened", "rushed", "moved", "dared", "ventured", "wanted", "wants",
    "declined", "declines", "refused", "refuses",
}

#: Verbs whose content is a clause, never an indefinite noun phrase (``agreed a five-year
#: contract`` is no report; ``agreed that the talks were useful`` is).
CLAUSE_ONLY_VERBS: set[str] = {"agree"}

#: Objects that make a publishing verb no report (``posted a picture of the pier``).
NON_SPEECH_OBJECTS: set[str] = {"picture", "pictures", "photo", "photos", "photograph",
                                "photographs", "video", "videos", "image", "images", "clip",
                                "clips", "selfie", "map", "chart"}

#: Verbs whose content may be a question (``asked whether …``, ``questioned how …``).
QUESTION_VERBS: set[str] = {"ask", "question", "explain"}

#: Verbs that report an embedded question or a free relative as their content (``recalled
#: how the pier flooded``, ``talked about what the levy would cost``; rule
#: ``wh-clause-content``); ``said what …``, ``told how …`` are left out.
WH_CLAUSE_VERBS: set[str] = {
    "talk about", "speak about", "speak of", "recall", "recount", "note", "tout",
    "acknowledge", "reveal", "boast", "brag", "criticize", "comment on",
}

#: Verbs whose topic after a preposition is their content (``joked about the new levy`` →
#: ``the new levy``; rule ``topic-object``), with the prepositions each takes. (``boasted
#: of …`` is a cue adjunct, ``said of …`` a topic PolNeAR seldom annotates.)
TOPIC_PREPOSITIONS: dict[str, set[str]] = {
    "joke": {"about"}, "quip": {"about"}, "boast": {"about"}, "brag": {"about"},
    "muse": {"about"},
}

#: Time words and adverbs that extend a cue before its content (``said on Thursday that``).
CUE_ADJUNCTS: set[str] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "earlier", "later", "afterwards", "afterward", "recently", "again",
    "also", "repeatedly", "privately", "publicly", "separately", "last", "this", "next", "week",
    "month", "year", "morning", "afternoon", "evening", "night", "weekend", "ago",
    "previously", "then", "now", "once", "too", "soon", "immediately", "subsequently",
    "initially",
}

#: Words of a time adjunct that :data:`CUE_ADJUNCTS` lacks (``this past week``, ``on
#: Monday``): skipped with it between a described source and its cue.
TIME_ADJUNCT_WORDS: set[str] = {"past", "on"}

#: Finite auxiliaries: after a cue's time word they make it the content's subject (``said
#: last year was the worst``), after a noun phrase they make it a clause.
FINITE_VERBS: set[str] = {"is", "are", "was", "were", "will", "would", "has", "have", "had",
                          "can", "could", "should", "must", "may", "might", "do", "does",
                          "did"}
#: Time adjuncts' determiners: a cue keeps them only with their noun (``said this week``).
TIME_DETERMINERS: set[str] = {"this", "last", "next"}
#: Degree words after which ``too`` modifies the next word, not the cue (``says too much``).
DEGREE_AFTER_TOO: set[str] = {"much", "many", "few", "little", "often", "late", "early",
                              "soon", "far", "long", "big", "small", "high", "low"}

#: Sentence adverbs set off by commas between a subject and its cue (``Ferry operators,
#: meanwhile, warned``).
ASIDE_ADVERBS: set[str] = {"meanwhile", "however", "too", "also", "though", "instead",
                           "similarly", "likewise", "separately", "nonetheless",
                           "nevertheless", "moreover", "furthermore", "later", "earlier",
                           "now", "then", "still", "in turn", "for their part",
                           "for his part", "for her part", "for its part"}

#: Lemmas whose present forms are never nouns (``experts say``, ``officials insist``).
VERB_ONLY_LEMMAS: set[str] = {"say", "tell", "insist", "argue", "contend", "testify",
                              "predict", "explain", "acknowledge", "admit", "allege",
                              "assert", "deny", "reveal", "emphasize", "emphasise", "warn",
                              "suggest", "concede", "reiterate", "disclose", "declare"}
#: Present forms that are also nouns (``claims``, ``states``), filled by :func:`refresh`.
NOUN_LIKE_FORMS: set[str] = set()
_FORM_TO_LEMMA: dict[str, str] = {}
_BELIEF_FORMS: dict[str, str] = {}
_IRREGULAR_BELIEFS = {"think": ("think", "thinks", "thought", "thinking"),
                      "feel": ("feel", "feels", "felt", "feeling")}


#: Verbs that double their last consonant before -ed/-ing (``admitted``, ``dubbed``).
DOUBLED_FINAL_CONSONANT: set[str] = {
    "quip", "brag", "concur", "slam", "refer", "plan", "admit", "dub", "commit", "omit",
    "regret", "rebut", "submit", "permit", "prefer", "confer", "defer", "infer", "transmit",
    "chat", "jab", "nag", "snap", "spar", "stab", "blog", "vet", "abet", "aver",
}


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma in DOUBLED_FINAL_CONSONANT:
        last = lemma[-1]
        return (lemma, lemma + "s", lemma + last + "ed", lemma + last + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def refresh() -> None:
    """Rebuild the form → lemma index after editing the verb lists."""
    _FORM_TO_LEMMA.clear()
    for lemma in REGULAR_VERBS:
        for form in _regular_forms(lemma):
            _FORM_TO_LEMMA[form] = lemma
    for lemma, forms in REPORTING_VERBS.items():
        for form in forms:
            _FORM_TO_LEMMA[form] = lemma
    for lemma in DESCRIPTION_VERBS | OBJECT_CUE_VERBS | set(PHRASAL_CUES) | INTRODUCING_VERBS:
        for form in _regular_forms(lemma):
            _FORM_TO_LEMMA.setdefault(form, lemma)
    _BELIEF_FORMS.clear()
    for lemma in BELIEF_VERBS:
        for form in _IRREGULAR_BELIEFS.get(lemma, _regular_forms(lemma)):
            _BELIEF_FORMS[form] = lemma
    NOUN_LIKE_FORMS.clear()
    NOUN_LIKE_FORMS.update(_noun_like_forms())


def _noun_like_forms() -> set[str]:
    forms: set[str] = set()
    for lemma in REGULAR_VERBS | set(REPORTING_VERBS) | DESCRIPTION_VERBS | OBJECT_CUE_VERBS | (
        set(PHRASAL_CUES)
    ):
        if lemma not in VERB_ONLY_LEMMAS:
            forms.update(_regular_forms(lemma)[:2])
    return forms


def lemma_of(word: str) -> str | None:
    """The lemma of a reporting-verb form (``warned`` → ``warn``), or None."""
    return _FORM_TO_LEMMA.get(word.lower())


def belief_lemma_of(word: str) -> str | None:
    """The lemma of a belief-verb form (``thinks`` → ``think``), or None."""
    return _BELIEF_FORMS.get(word.lower())


refresh()
