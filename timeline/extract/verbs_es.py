"""Spanish language data for clauses: verb forms, clause openers and what kind of happening a
predicate reports. Data only; the engine is ``timeline.extract.clauses``."""

from __future__ import annotations

#: Auxiliaries, copulas and frequent irregular forms, with the tense they give their clause.
AUXILIARIES: dict[str, str] = {
    **dict.fromkeys(
        ("fue", "fueron", "era", "eran", "había", "habían", "hubo", "estuvo", "estaba",
         "estaban", "tuvo", "tuvieron", "hizo", "hicieron", "dijo", "dijeron", "dio", "dieron",
         "puso", "pusieron", "vino", "vinieron", "pudo", "pudieron", "quiso", "supo", "trajo",
         "condujo", "obtuvo", "obtuvieron", "mantuvo", "sostuvo", "propuso", "pidió", "tenía",
         "tenían", "hacía", "decía", "podía", "iba", "iban", "fui", "estuvieron"), "past"),
    **dict.fromkeys(
        ("es", "son", "está", "están", "ha", "han", "he", "hemos", "hay", "tiene", "tienen",
         "puede", "pueden", "debe", "deben", "sigue", "siguen", "queda", "quedan"), "present"),
    **dict.fromkeys(("va", "van", "será", "serán", "habrá", "tendrá", "tendrán", "podrá",
                     "podrán", "deberá", "deberán", "hará", "harán", "dirá"), "future"),
}
#: Present forms worth knowing on their own ("Apple Corps sostiene que ...").
PRESENT_FORMS: frozenset[str] = frozenset(
    "dice dicen afirma afirman asegura aseguran sostiene sostienen explica explican propone "
    "proponen considera consideran cree creen quiere quieren busca buscan plantea plantean "
    "señala señalan indica indican advierte advierten anuncia anuncian confirma confirman niega "
    "niegan pide piden exige exigen reclama reclaman denuncia denuncian espera esperan prevé "
    "prevén prepara preparan define definen enfrenta enfrentan reivindica apoya apoyan respalda "
    "respaldan rechaza rechazan acusa acusan critica critican insiste insisten destaca destacan "
    "reconoce reconocen recuerda recuerdan lidera lideran encabeza encabezan gana ganan pierde "
    "pierden vende venden posee mantiene mantienen alcanza alcanzan suma suman cae caen da dan "
    "ve ven sube suben baja bajan".split()
)
#: Finite endings (checked from the longest): preterite, imperfect, future, conditional.
ENDINGS: tuple[tuple[str, str], ...] = (
    ("aron", "past"), ("ieron", "past"), ("yeron", "past"), ("aban", "past"),
    ("ará", "future"), ("erá", "future"), ("irá", "future"), ("arán", "future"),
    ("erán", "future"), ("irán", "future"), ("aría", "future"), ("ería", "future"),
    ("iría", "future"), ("arían", "future"), ("erían", "future"), ("irían", "future"),
    ("ó", "past"), ("ió", "past"), ("aba", "past"), ("ían", "past"),
)
#: Words with a finite-looking ending that are not verbs.
NOT_VERBS: frozenset[str] = frozenset(
    "mayoría minoría categoría secretaría tesorería galería ingeniería librería panadería "
    "soberanía alcaldía fiscalía auditoría asesoría cafetería batería artillería policía "
    "economía compañía energía tecnología democracia garantía mercancía travesía cercanía "
    "lejanía ciudadanía gendarmería jefatura más después además según quizá sofá papá mamá "
    "allá acá está ahí aquí jamás detrás atrás compás través país maría dió para contra entre "
    "sobre mientras donde siempre nunca nadie nada toda todas cada otra otras esta esa aquella "
    "misma mismo alguna ninguna cuya cuyas durante mediante ante frente cerca acerca debajo "
    "encima fuera dentro delante detrás apenas ahora aunque incluso mediante tarde temprano "
    "noche semana programa tema problema sistema idea empresa persona mañana ".split()
)
CLITICS: frozenset[str] = frozenset({"se", "lo", "la", "le", "les", "me", "te", "nos", "los"})

CONJUNCTIONS: frozenset[str] = frozenset({"y", "e", "pero", "mientras", "aunque", "sino"})
RELATIVES: frozenset[str] = frozenset({"quien", "quienes", "cual", "cuales", "donde", "cuyo",
                                        "cuya"})
COMPLEMENTIZERS: frozenset[str] = frozenset({"que"})
SUBORDINATORS: frozenset[str] = frozenset(
    {"cuando", "porque", "tras", "después", "antes", "si", "como", "luego", "desde", "hasta",
     "ya"}
)
QUESTION_WORDS: frozenset[str] = frozenset({"qué", "quién", "cómo", "cuándo", "dónde", "por qué"})

#: Predicates by the kind of happening reported; stems matched at the start of the verb.
KIND_STEMS: dict[str, tuple[str, ...]] = {
    "death": ("muri", "murió", "falleci", "mat", "asesin", "ejecut", "fusil"),
    "result": ("gan", "perdi", "pierd", "venci", "derrot", "obtuv", "logr", "consigui",
               "ingres", "clasific", "super", "alcanz", "elegid", "electo", "reelect"),
    "vote": ("vot", "sufrag", "elig", "eligi", "plebiscit"),
    "legal": ("demand", "denunci", "acus", "imput", "conden", "detuv", "arrest", "proces",
              "absolv", "sentenci", "investig", "allan", "encarcel", "multa"),
    "decision": ("decidi", "aprob", "rechaz", "dictamin", "fall", "prohib", "adopt", "vet",
                 "renunci", "design", "nombr", "destituy", "cancel", "suspend", "acord",
                 "firm", "ratific", "declar", "orden", "resolvi", "compr", "adquiri", "fusion"),
    "launch": ("lanz", "present", "inaugur", "estren", "abri", "fund", "cre", "establec",
               "construy", "inici", "comenz", "empez", "emprend"),
    "announcement": ("anunci", "revel", "confirm", "inform", "public", "difund", "comunic",
                     "posteó", "tuite", "escribi"),
    "plan": ("planea", "planific", "program", "prevé", "previst", "prepar", "proyect",
             "propon", "propus", "defin", "enfrent"),
    "statement": ("dijo", "dice", "dij", "afirm", "asegur", "sostuv", "sostien", "explic",
                  "consider", "cre", "señal", "indic", "advirt", "advier", "neg", "pidi",
                  "exig", "reclam", "respond", "respald", "apoy", "critic", "insist",
                  "destac", "reconoc", "record", "felicit", "agradec", "coincid", "habl",
                  "mantuv", "conversó", "opin", "calific", "reivindic"),
    "state": ("es", "son", "fue", "era", "eran", "está", "están", "estaba", "tiene", "tien",
              "tenía", "tuvo", "hay", "había", "se dedic", "pas", "qued", "sigu", "perman",
              "pose"),
}
