"""English language data for clauses: verb forms, clause openers and what kind of happening a
predicate reports. Data only; the engine is ``timeline.extract.clauses``."""

from __future__ import annotations

#: Auxiliaries and copulas, with the tense they give the clause they open.
AUXILIARIES: dict[str, str] = {
    **dict.fromkeys(("was", "were", "had", "did", "hadn't", "wasn't", "weren't", "didn't"), "past"),
    **dict.fromkeys(("is", "are", "am", "has", "have", "does", "do", "isn't", "aren't", "hasn't",
                     "haven't", "doesn't", "don't", "can", "can't", "cannot", "must"), "present"),
    **dict.fromkeys(("will", "won't", "shall", "would", "could", "should", "may", "might",
                     "wouldn't", "couldn't"), "future"),
}
#: Past forms that do not end in -ed.
IRREGULAR_PAST: frozenset[str] = frozenset(
    "said told met won lost took made gave held spoke wrote sent left began led struck sought "
    "brought chose ran went came put set cut paid sold bought built fell rose broke swore threw "
    "knew saw stood withdrew became found got kept drove grew thought hit shot fought spent "
    "beat bore bit blew caught dealt drew fled flew forgot froze hung hid lay lit meant overcame "
    "quit rang rode sank sang sat slept slid spun stole stuck stung strove swam swung taught "
    "tore understood undertook upheld woke wore wound overtook overthrew".split()
)
#: Present forms worth knowing without a subject to the left ("Apple Corps claims that ...").
PRESENT_FORMS: frozenset[str] = frozenset(
    "says claims sells plans wants expects hopes says believes argues insists warns denies "
    "admits accepts faces remains owns includes accounts holds leads runs seeks aims intends "
    "needs keeps becomes makes takes gives shows means suggests reports announces confirms "
    "estimates predicts proposes calls asks tells agrees disagrees opposes supports backs "
    "rejects refuses continues plague plagues".split()
)
#: -ed words that are not verbs (or rarely are in news).
NOT_VERBS: frozenset[str] = frozenset(
    "need indeed speed seed feed breed embed proceed exceed succeed united based related "
    "limited red bed shed hundred detailed concerned interested involved naked wicked sacred "
    "beloved alleged skilled aged bred creed deed greed heed weed tweed reed steed".split()
)
#: Words after which an -ed / irregular form is a participle or adjective, not a finite verb.
PARTICIPLE_CUES: frozenset[str] = frozenset(
    "the a an its his her their our this that these those recently newly widely previously "
    "been being be to".split()
)

CONJUNCTIONS: frozenset[str] = frozenset({"and", "but", "while", "whereas", "yet", "or"})
RELATIVES: frozenset[str] = frozenset({"which", "who", "whom", "whose", "where"})
COMPLEMENTIZERS: frozenset[str] = frozenset({"that"})
SUBORDINATORS: frozenset[str] = frozenset(
    {"after", "before", "when", "because", "although", "though", "since", "as", "if", "until",
     "once", "unless", "whether"}
)
#: Subordinators that make the clause background to the main one ("after X happened, Y").
QUESTION_WORDS: frozenset[str] = frozenset({"who", "what", "why", "how", "when", "where"})

#: Predicates (their first finite verb or its participle) by the kind of happening reported.
#: Keys are stems matched at the start of the verb ("announc" matches "announced").
KIND_STEMS: dict[str, tuple[str, ...]] = {
    "result": ("won", "win", "lost", "lose", "defeat", "beat", "elected", "re-elected",
               "finished", "scored", "passed", "overtook", "topped", "reached", "secured",
               "clinched", "qualified", "record"),
    "death": ("died", "dies", "killed", "kills", "murder", "assassinat", "passed away", "perish",
              "executed", "shot", "drowned", "slain"),
    "decision": ("decid", "approv", "rul", "ban", "banned", "adopt", "pass", "reject",
                 "veto", "resign", "appoint", "nominat", "fired", "dismiss", "cancel", "suspend",
                 "agreed", "settl", "sign", "ratif", "declar", "order", "halt", "chose",
                 "select", "hired", "acquir", "bought", "merg", "forced"),
    "vote": ("vot", "referendum", "ballot", "elect"),
    "launch": ("launch", "releas", "unveil", "introduc", "open", "inaugurat", "debut",
               "premier", "start", "began", "begin", "found", "creat", "establish", "built",
               "shipped", "demo", "present"),
    "announcement": ("announc", "reveal", "confirm", "report", "disclos", "publish", "unveil",
                     "proclaim", "declar", "notif", "posted", "tweeted"),
    "legal": ("sue", "sued", "filed", "charg", "arrest", "convict", "sentenc", "indict",
              "acquit", "jail", "detain", "investigat", "raid", "fine", "appeal", "testif",
              "accus", "prosecut", "lawsuit", "plead", "pleaded"),
    "plan": ("plan", "schedul", "slated", "expect", "intend", "aim", "propos", "prepar"),
    "statement": ("said", "say", "told", "tell", "stated", "claim", "argu", "insist", "warn",
                  "deni", "deny", "admit", "acknowledg", "call", "describ", "explain",
                  "welcom", "prais", "criticiz", "criticis", "talk", "spoke", "speak", "ask",
                  "add", "note", "repl", "respond", "wrote", "attribut", "dismiss"),
    "state": ("is", "are", "was", "were", "be", "has", "have", "had", "own", "remain",
              "contain", "includ", "hold", "held", "seem", "appear", "account"),
}

#: Words that open a happening in a new clause only when a verb follows (participles).
PARTICIPLE_SUFFIX = "ing"
