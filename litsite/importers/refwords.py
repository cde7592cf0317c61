"""Word lists behind the reference-line parser: abbreviations, places, journal, publisher and institution words."""

from __future__ import annotations

import re

# Words that end with a period without ending a sentence (abbreviations in publishers, places and journal names).
ABBREV = {
    "u.s", "vs", "st", "dr", "mr", "mrs", "ms", "no", "vol", "pp", "corp", "co", "inc", "jr", "sr",
    "e.g", "i.e", "cf", "al", "fig", "j", "am", "br", "int", "clin", "psychol", "med", "res", "soc", "sci", "rev",
    "proc", "natl", "acad", "eur", "nurs", "ment", "behav", "ther", "educ", "adolesc", "fam", "epidemiol",
    "psychiatr", "serv", "gen", "pract", "assoc", "ann", "arch", "bull", "trans", "phys", "chem", "biol",
    "environ", "dept", "univ", "mass", "calif", "n.y", "d.c", "mt", "ft", "occup", "disord", "stud", "commun",
    "stat", "simul", "comput", "neurosci", "cogn", "pers", "pediatr", "psychother", "rehabil", "couns", "consult",
    "abnorm", "exp", "appl", "sociol", "econ", "polit", "adm", "manag", "qual", "prev", "interv", "addict", "subst",
    "gerontol", "geriatr", "emerg", "prim", "syst", "technol", "q", "z", "psychosom", "psychopharmacol", "nerv",
}  # fmt: skip

SPRINGER_PLACES = {
    "London", "New York", "Oxford", "Cambridge", "Berlin", "Heidelberg", "Paris", "Geneva", "Washington", "Boston",
    "Chicago", "Thousand Oaks", "Los Angeles", "San Francisco", "Amsterdam", "Dordrecht", "Cham", "Basel", "Vienna",
    "Philadelphia", "Baltimore", "Hoboken", "Chichester", "Abingdon", "Milton Park", "Hove", "Edinburgh", "Glasgow",
    "Manchester", "Birmingham", "Bristol", "Leeds", "Sheffield", "Nottingham", "Toronto", "Ottawa", "Montreal",
    "Sydney", "Melbourne", "Canberra", "Auckland", "Wellington", "Christchurch", "Dublin", "Stockholm", "Copenhagen",
    "Oslo", "Helsinki", "Munich", "Stuttgart", "Frankfurt", "Leipzig", "Hamburg", "Rome", "Milan", "Madrid",
    "Barcelona", "Lisbon", "Brussels", "Leiden", "Utrecht", "Rotterdam", "Zurich", "Bern", "Tokyo", "Singapore",
    "Beijing", "Shanghai", "Delhi", "New Delhi", "Mumbai", "Cape Town", "Johannesburg", "Princeton", "New Haven",
    "Ann Arbor", "Bethesda", "Rockville", "Atlanta", "Seattle", "Minneapolis", "Totowa", "Boca Raton",
    "Mahwah", "Hillsdale", "Newbury Park", "Beverly Hills", "Malden", "Harlow", "Basingstoke", "Maidenhead",
    "Buckingham", "Bingley", "Brighton", "Cardiff", "Belfast", "Leicester", "Liverpool", "Newcastle", "York",
    "Lanham", "Westport", "Santa Monica", "Berkeley", "Stanford", "Durham", "Cambridge, MA", "Norwood",
    "Englewood Cliffs", "Upper Saddle River", "Burlington", "San Diego", "Orlando", "Kansas City", "Geneve",
    "Copenhague", "Bonn", "Göttingen", "Tübingen", "Hamilton", "Vancouver", "Brisbane", "Perth", "Adelaide",
    "Hong Kong", "Seoul", "Taipei", "Jerusalem", "Tel Aviv", "Pretoria", "Nairobi", "Ithaca", "Lincoln",
    "Washington, DC", "Washington, D.C", "Washington DC", "Arlington", "Alexandria", "Silver Spring", "Sudbury",
}  # fmt: skip

JOURNAL_WORDS = re.compile(
    r"\b(?:J|Journal|Rev|Review|Bull|Bulletin|Ann|Annals|Arch|Archives|Lancet|Nature|Science|Psychiatry|Psychology|"
    r"Medicine|Med|Research|Res|Proceedings|Proc|Quarterly|Letters|Transactions|Trans|Studies|Today|Forum|Reports|"
    r"Health|Nurs|Nursing|Care|Services|Practice|Therapy|Psychol|Psychiatr|Sci|Acta|Int|Soc|One)\b"
)

PUBLISHERISH = re.compile(
    r"\b(?:Press|Publish\w*|Books?|Verlag|Springer|Wiley|Sage|SAGE|Elsevier|Routledge|Ltd|Inc|LLC|Co\.|Company|"
    r"Universit\w*|Institut\w*|Organi[sz]ation|Office|Department|Ministry|Council|Agency|Bank|Association|"
    r"Foundation|Trust|Centre|Center|Commission|Government|HMSO|Sons|Editions|Academic|Taylor|Francis|"
    r"Oxford|Cambridge|Guilford|Erlbaum|Palgrave|Macmillan|Pearson|McGraw|Norton|Blackwell|Karger|Thieme|CRC)\b"
)

# Publishers that issue reports rather than books: governments, agencies, institutes, banks.
INSTITUTION = re.compile(
    r"\b(?:Institut\w*|Organi[sz]ation|Office|Department|Ministry|Council|Agency|Bank|Commission|Government|"
    r"Laborator\w+|Centre|Center|Executive|Authority|Bureau|Directorate|Federation|Foundation|Trust|Fund|Forum|"
    r"Group|College of|Service|Services|Administration|NHS|HMSO|Unit|Observatory|"
    r"Programme|Program|Parliament|House of|Committee|Secretariat|Alliance|Network|Coalition|Survey)\b"
)

JOURNAL_NAME = re.compile(
    r"\b(?:Journal|Review|Quarterly|Bulletin|Annals|Archives|Advances in|Letters|Proceedings|Transactions)\b|^J "
)

BOOK_PUBLISHER = re.compile(r"\b(?:Press|Publish\w*|Books|Verlag|Wiley|Sage|SAGE|Springer|Routledge|Elsevier)\b")

REPORTISH = re.compile(
    r"\b(?:Report|report|Working Paper|working paper|Briefing|briefing|Policy|Technical|Discussion Paper|"
    r"Occasional Paper|Series|Guidance|guidance|Framework|framework|Strategy|Evaluation|Bulletin)\b"
)
# A series and number printed as the title's last sentence: "Research in Review 2012-5".
REPORT_SERIES = re.compile(r"[.?!] [A-Z][A-Za-z ]{2,40} (?:No\.? )?[A-Z]*\d+[-/]\d+$")
