"""Function words of speaker noun phrases: determiners, connectors, time words, clause words.

``quoteattr.mentions`` reads these at call time; edit the sets (and ``GENDERED_ENDINGS``) at
run time to teach it new words. A word's category is cached from article to article while
these lists keep their sizes and :func:`quoteattr.lexicon.version` stays the same
(``mentions.clear_category_cache`` checks at the start of every analysis), so an edit counts
from the next ``extract`` call. Lower case throughout.
"""

#: Words that open a noun phrase as its determiner (``the``, ``several``, ``their``).
DETERMINERS: set[str] = {
    "the", "a", "an", "another", "one", "some", "multiple", "several", "many", "two", "three",
    "four", "five", "other", "its", "his", "her", "their", "our", "both", "most", "few",
    "numerous", "various",
}
#: Determiners that stay determiners when capitalised (``The``, ``A``), at a sentence start.
ARTICLES: set[str] = {"the", "a", "an", "another"}
#: Determiners of an indefinite phrase: ``a senior official`` is an unnamed source.
INDEFINITE: set[str] = {
    "a", "an", "another", "one", "some", "multiple", "several", "many", "two", "three", "four",
    "five", "other", "numerous", "various", "few", "most", "both",
}
#: Determiners of a definite phrase (``the spokesman``, ``his aides``).
DEFINITE: set[str] = {"the", "his", "her", "its", "their"}
#: Determiners before an age description (``the 49-year-old Dutchman``).
AGE_DETERMINERS: set[str] = {"the", "a"}
#: Prepositions inside a role phrase (``secretary of state``, ``ambassador to Chile``).
CONNECTORS: set[str] = {"of", "to", "for", "at", "in"}
#: Connectors inside an organisation's name after its head (``Bureau of``, ``Center for``).
ORGANIZATION_LINKS: set[str] = {"of", "for"}
#: Connectors that make the name after them an owner (``the spokeswoman for Ana Ruiz``).
OWNER_LINKS: set[str] = {"for", "to"}
#: Words that join two capitalised words into one organisation's name (``Software and Allied
#: Workers Union``).
NAME_CONJUNCTIONS: set[str] = {"and", "&"}
#: Conjunctions that start a new clause inside a description (``… and owners accused``).
CLAUSE_CONJUNCTIONS: set[str] = {"and", "but"}
#: Nationality words that are one even in lower case (``us``, ``uk``, ``eu``).
LOWER_CASE_NATIONALITIES: set[str] = {"us", "uk", "eu"}
#: Subject pronouns of more than one person.
PLURAL_PRONOUNS: set[str] = {"they", "we"}

#: Days, months and relative days: time words, not names (but ``Theresa May``).
TIME_WORDS: set[str] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "today", "yesterday", "tonight", "tomorrow",
}
#: The time words that are never a surname (``Ana Friday`` is no name; ``Ana May`` is).
TIME_WEEKDAYS: set[str] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "tomorrow",
}

#: Capitalised words that open sentences but never names (``But``, ``Meanwhile``); the
#: indefinite pronouns (``lexicon.pronouns.INDEFINITE_PRONOUNS``: ``Nobody``) are read too.
FUNCTION_CAPS: set[str] = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "if", "in", "on", "at", "for", "with",
    "from", "by", "to", "of", "as", "after", "before", "during", "while", "when", "since",
    "although", "though", "because", "this", "that", "these", "those", "it", "he", "she",
    "they", "we", "i", "his", "her", "their", "its", "our", "my", "your", "meanwhile",
    "however", "still", "also", "then", "now", "earlier", "later", "last", "next", "there",
    "here", "what", "who", "why", "how", "where", "which", "asked", "pressed", "speaking",
    "according", "instead", "indeed", "nevertheless", "moreover", "yes", "no", "not", "mr",
    "even", "just", "only", "ahead", "despite", "under", "over", "about", "amid",
    "without", "within", "through", "until", "unless", "whether", "both", "all", "some",
    "many", "most", "several", "each", "every", "any", "other", "such", "one", "two",
    "unlike", "like", "among", "against", "across", "toward", "towards", "upon", "via",
    "outside", "inside", "elsewhere", "afterwards", "afterward", "overall", "beyond",
    "having", "being",  # a sentence-opening gerund (``Having lost the vote, …``)
}

#: Endings of an age description's head noun and the gender they tell (``the 61-year-old
#: Frenchwoman``), tried in this order (``woman`` before ``man``).
GENDERED_ENDINGS: dict[str, str] = {"woman": "f", "girl": "f", "man": "m", "boy": "m"}

#: Role words that follow the role they qualify (``inspector general``).
POSTPOSITIVE_ROLES: set[str] = {"general"}
#: Nouns that are plural without an ``-s`` (``three people familiar with …``).
PLURAL_NOUNS: set[str] = {"people", "police", "staff", "personnel", "clergy", "crew", "media"}
#: Determiners of a plural noun phrase.
PLURAL_DETERMINERS: set[str] = {
    "two", "three", "four", "five", "several", "some", "many", "multiple", "numerous",
    "various", "both", "few",
}

#: Sentence adverbs and conjunctions that open a clause before its subject (``But``,
#: ``Perhaps``); a description starts after them.
LEADING_ADVERBS: set[str] = {
    "but", "and", "so", "yet", "or", "perhaps", "then", "now", "however", "meanwhile", "still",
    "also", "instead", "indeed", "even", "only", "just", "because", "although", "though",
    "while", "when", "if", "as", "since", "moreover", "thus", "already", "once", "later",
    "earlier", "separately", "finally", "yesterday", "today", "recently", "previously",
}
#: Words that show a clause, not a noun phrase: a description may not contain them.
CLAUSE_WORDS: set[str] = {
    "that", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if",
    "whether", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "not",
    "it", "there", "this", "these", "those", "than", "because", "i", "you", "we", "he", "she",
    "they", "him", "them", "me", "us", "to", "or", "yet", "after", "before", "until",
    "while", "nobody", "no", "since", "month", "week", "year", "day",
}
#: Words a description cannot open with: a preposition makes it an adjunct (``“a genius”
#: for his recently revealed …``).
DESCRIPTION_NOT_FIRST: set[str] = {
    "for", "of", "to", "at", "in", "on", "with", "by", "from", "into", "about", "over",
    "under", "after", "before", "during",
}
