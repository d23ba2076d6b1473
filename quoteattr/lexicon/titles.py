"""Titles, roles and nationality words, kept as data (python-nameparser style).

Lower case throughout; teach the pipeline new words with :func:`quoteattr.lexicon.extend`.
"""

#: Lower-case words a Title-Case headline or work title may hold (``Meet the Harbour``).
HEADLINE_SMALL_WORDS: set[str] = {"the", "of", "and", "a", "an", "in", "on", "for", "to",
                                  "with", "at", "by", "or", "from"}

#: Honorifics before a name, with the gender they imply (None: either).
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "dr": None, "prof": None, "professor": None, "rev": None,
    "reverend": None, "madam": "f", "monsieur": "m", "madame": "f", "herr": "m", "frau": "f",
}

#: Role nouns: stand before a name (``Senator Jane Roe``) or for a person (``the senator``).
ROLES: set[str] = {
    "president", "vice-president", "leader", "premier", "chancellor", "minister",
    "secretary", "senator", "sen", "representative", "rep", "congressman", "congresswoman",
    "governor", "gov", "mayor", "ambassador", "envoy", "diplomat", "aide", "adviser", "advisor",
    "spokesperson", "spokesman", "spokeswoman", "spokesmen", "press secretary", "official",
    "chairman", "chairwoman", "chair", "director", "chief", "head", "commander", "general",
    "gen", "admiral", "colonel", "captain", "lieutenant", "sergeant", "officer", "judge",
    "justice", "prosecutor", "attorney", "lawyer", "counsel", "king", "queen", "prince",
    "princess", "pope", "bishop", "archbishop", "cardinal", "rabbi", "imam", "sheikh",
    "emir", "sultan", "ceo", "founder", "executive", "manager", "coach", "analyst",
    "economist", "professor", "researcher", "scientist", "doctor", "candidate", "nominee",
    "lawmaker", "legislator", "mp", "mep", "speaker", "whip", "commissioner", "councillor",
    "councilman", "councilwoman", "councilmember", "sheriff", "constable", "superintendent",
    "inspector",
    "detective", "deputy", "negotiator", "mediator", "strategist", "pollster", "campaigner",
    "activist", "organizer", "organiser", "surrogate", "counterpart", "predecessor",
    "successor", "host", "anchor", "correspondent", "reporter", "editor", "columnist",
    "author", "historian", "expert", "director-general", "secretary-general", "monarch",
    "dictator", "strongman", "lady", "first lady", "wife", "husband", "chief of staff",
    "attorney general", "prime minister", "foreign minister", "defence minister",
    "defense secretary", "secretary of state", "national security adviser", "press aide",
    "delegate", "widow", "widower", "barrister", "solicitor", "agent", "midfielder",
    "striker", "defender", "goalkeeper", "player", "physician", "nurse", "surgeon",
    "engineer", "designer", "treasurer", "secretary-treasurer", "meteorologist",
    "forecaster", "rapporteur", "epidemiologist", "virologist", "spokesperson-designate",
    "conductor",
}

#: Roles of a head of state or government: any of them is a ``leader`` (``the Chilean
#: leader`` is the person titled president, prime minister, king …).
HEAD_OF_STATE: set[str] = {"president", "prime minister", "chancellor", "leader", "king",
                           "queen", "premier", "monarch", "emir", "sultan"}

#: Words left out of a title when matching an unnamed mention to a named one (``a port aide``
#: is the title of ``port aide Teo Lind``).
TITLE_DETERMINERS: set[str] = {"a", "an", "the", "one", "another"}

#: Credentials written after a name (``Maren Holt, MD, director of …``): no one's name, so
#: the name before them speaks. Lower case, without stops (``Ph.D.`` is ``phd``).
POST_NOMINALS: set[str] = {
    "md", "phd", "dphil", "mph", "mba", "rn", "np", "dds", "dmd", "do", "dvm", "pharmd", "jd",
    "llm", "esq", "frcp", "frcs", "facp", "faan", "obe", "mbe", "cbe", "kbe", "qc", "kc",
    "cpa", "cfa", "jr", "sr",
}

#: Last words of place names: a name ending in one is a place, no person (``Harbour Road``,
#: ``Quay Street``).
PLACE_WORDS: set[str] = {
    "road", "street", "avenue", "lane", "square", "bridge", "river", "lake", "park",
    "station", "airport", "bay", "island", "islands", "valley", "county", "province",
    "region", "sea", "ocean", "gulf", "strait", "coast", "quay", "estuary", "mountain",
    "mountains", "hill", "hills", "forest", "desert", "peninsula", "boulevard", "plaza",
    "stadium", "arena", "highway", "motorway", "canal", "harbour", "harbor",
}

#: Lower-case particles inside a name, between two capitalised words (``Charles de Gaulle``,
#: ``Guillermo del Toro``, ``Ludwig van Beethoven``).
NAME_PARTICLES: set[str] = {
    "de", "del", "della", "di", "da", "das", "dos", "du", "des", "la", "le", "van", "von",
    "der", "den", "ter", "bin", "ibn", "al", "el", "y", "zu", "af",
}

#: Roles written only as a capitalised abbreviation with its dot (``Del. Ana Brandt``);
#: without the dot the word may be part of a name (``Guillermo del Toro``).
ABBREVIATED_ROLES: dict[str, str] = {"del": "delegate"}

#: Words that, in a title before the name, modify a role (``former``, ``senior``).
ROLE_MODIFIERS: set[str] = {
    "former", "senior", "top", "deputy", "acting", "interim", "chief", "vice", "assistant",
    "associate", "press", "foreign", "defence", "defense", "finance", "interior", "justice",
    "health", "trade", "economy", "energy", "state", "national", "security", "federal",
    "regional", "local", "special", "majority", "minority", "house", "senate", "prime",
    "first", "lead", "principal", "executive", "managing", "general", "presidential",
    "republican", "democratic", "labour", "conservative", "veteran", "longtime", "new",
    "incoming", "outgoing", "retired",
    "military", "intelligence", "government", "administration", "campaign", "party",
    "white", "us", "u.s.", "uk", "u.k.", "eu", "un", "nato", "top-ranking", "high-ranking",
    "high-level", "unnamed", "anonymous", "ranking", "two", "three", "several", "other",
}

#: Role modifiers saying the role is no longer held (``the former ambassador``): such a role
#: noun may follow a person the article gives other roles.
PAST_ROLE_MODIFIERS: set[str] = {"former"}

#: Role modifiers that are adverbs after a name (``Ruiz first revealed``): a name's chunk
#: does not end with them.
ADVERB_MODIFIERS: set[str] = {"first"}

#: Words for the same role (``spokesman`` and ``spokesperson`` name one job).
ROLE_SYNONYMS: dict[str, str] = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesmen": "spokesperson",
    "advisor": "adviser", "sen": "senator", "rep": "representative", "gov": "governor",
    "gen": "general", "congressman": "representative", "congresswoman": "representative",
    "chairwoman": "chairman", "chair": "chairman", "premier": "prime minister",
}

#: Roles that imply a gender.
GENDERED_ROLES: dict[str, str] = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
    "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m",
    "princess": "f", "first lady": "f", "lady": "f", "wife": "f", "husband": "m",
    "councilman": "m", "councilwoman": "f",
}

#: Nationality adjectives and country names, mapped to one key per country.
NATIONALITIES: dict[str, str] = {
    "us": "us", "u.s.": "us", "u.s": "us", "american": "us", "america": "us",
    "united states": "us", "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk",
    "russian": "russia", "russia": "russia", "ukrainian": "ukraine", "ukraine": "ukraine",
    "chinese": "china", "china": "china", "french": "france", "france": "france",
    "german": "germany", "germany": "germany", "italian": "italy", "italy": "italy",
    "spanish": "spain", "spain": "spain", "polish": "poland", "poland": "poland",
    "hungarian": "hungary", "hungary": "hungary", "israeli": "israel", "israel": "israel",
    "palestinian": "palestine", "iranian": "iran", "iran": "iran", "turkish": "turkey",
    "turkey": "turkey", "indian": "india", "india": "india", "japanese": "japan",
    "japan": "japan", "korean": "korea", "canadian": "canada", "canada": "canada",
    "mexican": "mexico", "mexico": "mexico", "brazilian": "brazil", "brazil": "brazil",
    "european": "eu", "eu": "eu", "irish": "ireland", "ireland": "ireland",
    "australian": "australia", "australia": "australia", "dutch": "netherlands",
    "belgian": "belgium", "swedish": "sweden", "finnish": "finland", "norwegian": "norway",
    "danish": "denmark", "greek": "greece", "egyptian": "egypt", "saudi": "saudi arabia",
    "syrian": "syria", "iraqi": "iraq", "afghan": "afghanistan", "pakistani": "pakistan",
    "venezuelan": "venezuela", "cuban": "cuba", "belarusian": "belarus", "georgian": "georgia",
    "serbian": "serbia", "romanian": "romania", "czech": "czechia", "slovak": "slovakia",
    "austrian": "austria", "swiss": "switzerland", "portuguese": "portugal",
    "scottish": "scotland", "welsh": "wales", "nigerian": "nigeria", "kenyan": "kenya",
    "south african": "south africa", "argentine": "argentina", "chilean": "chile",
    "colombian": "colombia", "peruvian": "peru", "taiwanese": "taiwan", "vietnamese": "vietnam",
    "thai": "thailand", "indonesian": "indonesia", "philippine": "philippines",
    "filipino": "philippines", "qatari": "qatar", "emirati": "uae", "lebanese": "lebanon",
    "jordanian": "jordan", "north korean": "north korea", "south korean": "south korea",
    # country names for the adjectives above (not ``Jordan`` or ``Georgia``: also names)
    "netherlands": "netherlands", "belgium": "belgium", "sweden": "sweden",
    "finland": "finland", "norway": "norway", "denmark": "denmark", "greece": "greece",
    "egypt": "egypt", "syria": "syria", "iraq": "iraq", "afghanistan": "afghanistan",
    "pakistan": "pakistan", "venezuela": "venezuela", "cuba": "cuba", "belarus": "belarus",
    "serbia": "serbia", "romania": "romania", "czechia": "czechia", "slovakia": "slovakia",
    "austria": "austria", "switzerland": "switzerland", "portugal": "portugal",
    "scotland": "scotland", "nigeria": "nigeria", "kenya": "kenya",
    "argentina": "argentina", "chile": "chile", "colombia": "colombia", "peru": "peru",
    "taiwan": "taiwan", "vietnam": "vietnam", "thailand": "thailand",
    "indonesia": "indonesia", "philippines": "philippines", "qatar": "qatar",
    "lebanon": "lebanon", "palestine": "palestine",
}
