"""Unnamed sources and organisations that speak."""

#: Nouns that head an unnamed source (``a senior official``, ``experts``, ``sources``).
SOURCE_NOUNS: set[str] = {
    "official", "officials", "source", "sources", "expert", "experts", "analyst", "analysts",
    "critic", "critics", "diplomat", "diplomats", "aide", "aides", "observer", "observers",
    "insider", "insiders", "witness", "witnesses", "resident", "residents", "people",
    "person", "spokesperson", "spokesman", "spokeswoman", "representative",
    "representatives", "lawmakers", "investigators", "prosecutors", "police", "authorities",
    "researchers", "scientists", "economists", "democrats", "republicans", "supporters",
    "opponents", "advisers", "advisors", "members", "leaders", "voters", "officers",
    "survivors", "campaigners", "activists", "protesters", "reports", "report", "polls",
    "allies", "friends", "associates", "confidants", "relatives", "colleagues",
    "loyalists", "backers",
}

#: Words that head an unnamed source without a noun (``those close to him``).
SOURCE_PRONOUNS: set[str] = {"those", "someone", "anyone", "one", "others", "many", "some"}

#: Adjectives that link an unnamed source to the person or matter it knows
#: (``people familiar with the talks``, ``those close to the mayor``).
PROXIMITY_WORDS: set[str] = {"close", "closest", "closer", "familiar", "loyal", "near",
                             "allied", "briefed", "knowledgeable"}

#: Heads of phrases that name an organisation (``the ministry``, ``the Kremlin``).
ORGANIZATION_HEADS: set[str] = {
    "kremlin", "white house", "pentagon", "ministry", "department", "government",
    "administration", "cabinet", "parliament", "congress", "senate", "house", "court",
    "police", "army", "military", "embassy", "campaign", "party", "committee", "council",
    "commission", "agency", "office", "company", "firm", "group", "union", "bank",
    "university", "foundation", "institute", "organization", "organisation", "coalition",
    "alliance", "federation", "board", "newspaper", "network", "spokesperson's office",
    "secretariat", "presidency", "palace", "downing street", "elysee", "élysée", "nato",
    "un", "eu", "who", "imf", "fbi", "cia", "times", "post", "journal", "news", "reuters",
    "press", "service", "corporation", "inc", "corp", "ltd", "association", "authority",
    "co", "plc", "llc", "llp", "ag", "gmbh",
    "chamber", "center", "centre", "fund", "trust", "society", "academy", "school", "college",
    "bureau", "division", "directorate", "centers", "institution",
}

#: Common nouns that head an organisation when written in lower case (``the bank said``).
ORGANIZATION_NOUNS: set[str] = {
    "kremlin", "pentagon", "ministry", "department", "government", "administration",
    "cabinet", "parliament", "court", "embassy", "campaign", "party", "committee", "council",
    "commission", "agency", "company", "firm", "group", "union", "bank", "university",
    "foundation", "institute", "organization", "organisation", "coalition", "alliance",
    "federation", "board", "newspaper", "network", "presidency", "palace", "corporation",
    "association", "authority", "regulator", "military", "army", "navy", "police",
    "prosecutor's office", "school", "district", "city", "county", "state", "team", "club",
    "league", "charity", "hospital", "airline", "broadcaster", "paper", "magazine", "website",
    "utility", "carrier", "insurer", "lender", "retailer", "chipmaker", "carmaker", "startup",
}

#: Documents that speak for their authors (``according to a new report by the Harbour
#: Gazette`` → the Harbour Gazette).
DOCUMENT_NOUNS: set[str] = {
    "report", "reports", "study", "studies", "analysis", "survey", "poll", "review", "memo",
    "letter", "statement", "complaint", "filing", "audit", "investigation", "database",
    "estimate", "estimates", "paper", "document", "documents", "assessment",
}

#: Determiners of a single unnamed source that a later ``he``/``she`` may refer to
#: (``One crane operator said``).
UNNAMED_SINGULAR: set[str] = {"a", "an", "one", "another"}

#: Source nouns that, definite (``the source``, ``the person``), continue the last unnamed
#: source that spoke (``A senior official said … “…,” the source said``).
GENERIC_SOURCES: set[str] = {"source", "person", "insider", "official", "figure"}

#: Quantifiers that, before ``of them``/``of the …``, pick one or some of the last plural
#: unnamed source (``Two officials said …. “…,” one of them said`` → one of two officials …).
PARTITIVE_QUANTIFIERS: set[str] = {"one", "two", "three", "four", "five", "some", "several",
                                   "another", "both", "many", "most", "each"}
#: Words after ``one of`` that point back to a group (``one of them``, ``two of the people``).
PARTITIVE_POINTERS: set[str] = {"them", "those", "these", "the"}

#: Words after an unnamed source that link it to what it knows (``close to the mayor``,
#: ``familiar with the talks``, ``briefed on the plan``).
PROXIMITY_LINKS: set[str] = {"to", "with", "on", "about"}
#: Proximity links that need a ``PROXIMITY_WORDS`` word before them (``briefed on the
#: talks``; not ``officials on the pier``).
TOPIC_LINKS: set[str] = {"on", "about"}

#: Words after a document noun that name its author (``a report by the Harbour Gazette``).
AUTHOR_LINKS: set[str] = {"by", "from"}

#: Words after a name that continue its noun phrase rather than open an adjunct
#: (``Arden and Lind``, ``Arden of the port``; rule ``name-before-adjunct``).
NAME_CONTINUATIONS: set[str] = {"and", "or", "of", "for", "to", "from", "with", "by", "the",
                                "a", "an", "&", "like", "such", "other", "one", "both", "all"}

#: Number words that open a figure speaking for a group (``six in 10 voters``).
FIGURE_NUMBERS: set[str] = {"one", "two", "three", "four", "five", "six", "seven", "eight",
                            "nine", "ten"}
#: Words joining the two numbers of a ratio (``six in 10``, ``two of three``, ``4 out of 5``).
FIGURE_RATIO_LINKS: set[str] = {"in", "of"}
#: Units that make a number a share (``40 percent``, ``40 per cent``).
FIGURE_UNITS: set[str] = {"percent", "%", "cent"}
#: Hedges that open a figure (``more than six in 10``, ``about 9 percent``).
FIGURE_HEDGES: set[str] = {"more", "than", "fewer", "less", "about", "nearly", "almost",
                           "only", "just", "roughly", "around", "some", "over", "under",
                           "barely", "at", "least", "most", "another"}
#: Words before a figure that show it opens its clause (``, while 9 percent said``).
FIGURE_OPENERS: set[str] = {"and", "but", "while", "whereas", "with", "yet", "that", "among",
                            "so"}
