"""Danish text material for the synthetic catalogue (benchmarks/synthetic.py): data only.

Written for the benchmark, in plain Danish with short sentences, so that `vifte check` finds
few hard texts. Words a citizen would not know (visitation, jobparat, §) stay in the
professional texts. The topics carry no kind, area or theme: those come from the project.
"""

from __future__ import annotations

TOPICS: list[dict[str, list[str]]] = [
    {
        "titles": ["Gældsrådgivning", "Hjælp til økonomi og gæld", "Styr på pengene"],
        "summaries": [
            "Få gratis hjælp til at skabe overblik over din gæld og dine regninger.",
            "Vi hjælper dig med et budget og med breve fra dem, du skylder penge.",
        ],
        "paragraphs": [
            "Mange har gæld, og det kan føles tungt. Du er ikke alene, og det er ikke for sent at få hjælp.",
            "Vi ser på dine regninger sammen med dig. Bagefter laver vi et budget, som du kan holde.",
            "Tag dine breve med, også dem du ikke har åbnet. Vi åbner dem sammen, hvis du vil.",
            "Vi kan ringe til banken eller til dem, du skylder penge, sammen med dig.",
            "Rådgiverne har tavshedspligt. Det, du fortæller, bliver mellem jer.",
        ],
        "keywords": ["gæld", "budget", "økonomi", "rykker", "regninger", "penge"],
    },
    {
        "titles": ["Praktik i en butik", "Praktik på et lager", "Prøv et job i praksis"],
        "summaries": [
            "Prøv kræfter med et rigtigt job i nogle uger, mens du beholder din ydelse.",
            "Lær en arbejdsplads at kende i en praktik, der passer til dit tempo.",
        ],
        "paragraphs": [
            "I en praktik arbejder du på en rigtig arbejdsplads. Du får ikke løn, men du beholder din ydelse.",
            "Vi finder en plads sammen med dig. Du kan sige, hvad du gerne vil lære.",
            "Du starter med få timer om ugen. Når det går godt, kan du arbejde flere timer.",
            "En fast kollega viser dig til rette og hjælper, hvis noget er svært.",
            "Mange får job bagefter, enten samme sted eller et andet sted.",
            "Du får en udtalelse med, når praktikken slutter. Den kan du bruge, når du søger job.",
        ],
        "keywords": ["praktik", "job", "arbejdsplads", "erfaring", "lager", "butik"],
    },
    {
        "titles": ["Løntilskud hos en virksomhed", "Job med tilskud", "Vej til fast job"],
        "summaries": [
            "Få et job med løn, hvor arbejdsgiveren får et tilskud i en periode.",
            "Kom i arbejde med løn og få tid til at lære jobbet godt at kende.",
        ],
        "paragraphs": [
            "Med løntilskud er du ansat og får løn. Din arbejdsgiver får penge fra kommunen i en periode.",
            "Jobbet varer typisk et halvt år. Nogle gange bliver det til et fast job.",
            "Du har de samme pligter som dine kolleger. Du møder til tiden og siger til, hvis du er syg.",
            "Vi hjælper med at finde en arbejdsgiver, der passer til det, du kan og vil.",
        ],
        "keywords": ["løntilskud", "løn", "ansættelse", "job", "arbejdsgiver"],
    },
    {
        "titles": ["Motion for alle", "Gå-hold i det grønne", "Styrk kroppen"],
        "summaries": [
            "Bliv stærkere og få mere energi sammen med andre i dit eget tempo.",
            "Kom ud og bevæg dig med en fast gruppe, der mødes hver uge.",
        ],
        "paragraphs": [
            "Motion giver bedre søvn og mere overskud. Du behøver ikke være i form for at starte.",
            "Vi går ture, laver øvelser og slutter af med en kop kaffe.",
            "En fysioterapeut lægger et program, der passer til din krop.",
            "Tag tøj på, du kan bevæge dig i, og sko, der sidder godt.",
            "Holdet er lille. Så er der tid til at hjælpe hver enkelt.",
        ],
        "keywords": ["motion", "træning", "sundhed", "gåtur", "fysioterapi"],
    },
    {
        "titles": ["Samtaler om trivsel", "Hjælp til stress", "Få det bedre i hverdagen"],
        "summaries": [
            "Tal med en rådgiver om det, der er svært, og find nye veje i hverdagen.",
            "Lær at håndtere stress og uro, så du får mere ro på.",
        ],
        "paragraphs": [
            "Stress og uro kan gøre hverdagen svær. Her kan du tale med en, der har tid til at lytte.",
            "Du lærer enkle øvelser, som du kan bruge derhjemme, når tankerne kører.",
            "Vi mødes otte gange. Du kan komme alene eller i en lille gruppe.",
            "Du bestemmer selv, hvad vi taler om. Der er ingen forkerte spørgsmål.",
            "Hvis du har brug for mere hjælp, viser vi dig videre.",
        ],
        "keywords": ["stress", "trivsel", "angst", "samtale", "psykolog", "uro"],
    },
    {
        "titles": ["Dansk på arbejdspladsen", "Danskkursus om aftenen", "Lær dansk i praksis"],
        "summaries": [
            "Bliv bedre til dansk, så du kan tale med kolleger og klare dig i hverdagen.",
            "Øv dansk i små hold med fokus på det, du bruger hver dag.",
        ],
        "paragraphs": [
            "På kurset taler vi dansk om ting fra hverdagen og fra arbejdet.",
            "Du øver at læse breve, skrive beskeder og ringe til lægen.",
            "Holdene er små, så alle kommer til orde. Undervisningen er gratis.",
            "Du kan starte, når der er plads. Vi tester ikke, før du begynder.",
        ],
        "keywords": ["dansk", "sprog", "kursus", "læsning", "undervisning"],
    },
    {
        "titles": ["Hjælp til at søge job", "Jobklub", "Skriv en god ansøgning"],
        "summaries": [
            "Få hjælp til CV, ansøgning og samtale, så du står stærkt, når du søger job.",
            "Mød andre, der søger job, og hjælp hinanden videre mod et arbejde.",
        ],
        "paragraphs": [
            "Vi hjælper dig med at skrive et CV, der viser, hvad du kan.",
            "Du øver jobsamtaler, så du ved, hvad du skal sige, og bliver mindre nervøs.",
            "I jobklubben mødes I hver tirsdag. I deler tips om ledige job.",
            "Vi kender mange virksomheder i området og ved, hvem der mangler folk.",
            "Du kan låne en computer og få hjælp til at søge på nettet.",
        ],
        "keywords": ["jobsøgning", "cv", "ansøgning", "jobsamtale", "jobklub"],
    },
    {
        "titles": ["Vejledning om uddannelse", "Find din uddannelse", "Tilbage på skolebænken"],
        "summaries": [
            "Find ud af, hvilken uddannelse der passer til dig, og hvordan du kommer i gang.",
            "Få hjælp til at vælge og søge ind på en uddannelse.",
        ],
        "paragraphs": [
            "Det kan være svært at vælge uddannelse. En vejleder hjælper dig med at finde det, du er god til.",
            "Vi besøger skoler sammen, hvis du vil se, hvordan en dag ser ud.",
            "Du kan få hjælp til at søge SU og til at finde en bolig tæt på skolen.",
            "Har du ikke gået i skole længe, kan du starte med et kort kursus.",
        ],
        "keywords": ["uddannelse", "skole", "vejledning", "su", "kursus"],
    },
    {
        "titles": ["Værested", "Fællesskab og spisning", "Et sted at høre til"],
        "summaries": [
            "Kom forbi, få en kop kaffe og vær sammen med andre i et trygt fællesskab.",
            "Spis sammen med andre og find nye venner i et rart og roligt miljø.",
        ],
        "paragraphs": [
            "Værestedet er åbent for alle. Du skal ikke melde dig til først.",
            "Vi laver mad sammen to gange om ugen. Et måltid koster ti kroner.",
            "Du kan spille spil, læse avisen eller bare sidde og slappe af.",
            "Frivillige og ansatte er her hele dagen, hvis du vil snakke.",
            "Om sommeren tager vi på ture til stranden og skoven.",
        ],
        "keywords": ["fællesskab", "ensomhed", "spisning", "værested", "venner"],
    },
    {
        "titles": ["Hjælp til bolig", "Bostøtte i eget hjem", "Styr på hjemmet"],
        "summaries": [
            "Få hjælp i dit eget hjem til post, rengøring og aftaler, så hverdagen hænger sammen.",
            "En støtte kommer hjem til dig og hjælper med det, der er svært.",
        ],
        "paragraphs": [
            "En bostøtte kommer hjem til dig en eller flere gange om ugen.",
            "I laver en plan sammen. Den kan handle om post, indkøb eller at holde orden.",
            "Støtten hjælper dig med at komme til lægen og til møder i kommunen.",
            "Målet er, at du selv kan klare mere, og at du trives i dit hjem.",
        ],
        "keywords": ["bolig", "bostøtte", "hjem", "hjælp", "hverdag"],
    },
    {
        "titles": ["Rygestop", "Sund mad for små penge", "Søvn og sundhed"],
        "summaries": [
            "Få hjælp til at ændre dine vaner og få et sundere liv.",
            "Lær enkle råd om mad, søvn og rygning sammen med andre.",
        ],
        "paragraphs": [
            "Små skridt gør en stor forskel. Vi hjælper dig med at tage det første.",
            "Du møder en sygeplejerske, som giver gode råd uden løftede pegefingre.",
            "Vi laver mad sammen og ser på, hvordan du kan spare penge, når du handler.",
            "Du får en lille bog med hjem med opskrifter og øvelser.",
            "Det er gratis at være med, og du kan tage en ven med.",
        ],
        "keywords": ["rygestop", "kost", "søvn", "sundhed", "vaner"],
    },
    {
        "titles": ["Frivilligt arbejde", "Bliv frivillig", "Giv en hånd med"],
        "summaries": [
            "Brug dine evner som frivillig og få nye venner og erfaring.",
            "Hjælp andre et par timer om ugen og få en god rytme i hverdagen.",
        ],
        "paragraphs": [
            "Der er brug for dig. Du kan hjælpe i en genbrugsbutik, i en have eller i en klub.",
            "Du bestemmer selv, hvor mange timer du vil give.",
            "Som frivillig får du nye venner og noget godt at skrive på dit CV.",
            "Vi finder et sted, der passer til det, du kan lide at lave.",
        ],
        "keywords": ["frivillig", "fællesskab", "genbrug", "forening", "erfaring"],
    },
]

PRACTICAL = [
    "Vi holder til tæt på busstationen. Der er også gode steder at parkere.",
    "Ring eller skriv til os, så finder vi en tid, der passer dig.",
    "Du kan tage en pårørende eller en ven med til den første samtale.",
    "Har du brug for en tolk, så sig det, når du ringer. Det er gratis.",
    "Vi har åbent på hverdage fra morgen til midt på eftermiddagen.",
    "Du kan stoppe, når du vil. Sig det bare til os.",
    "Kan du ikke komme, så giv os besked så tidligt som muligt.",
    "Der er kaffe, te og frugt, når du kommer.",
]

PROFESSIONAL = [
    "Henvisning sker via sagsbehandler i jobcentret efter en samtale med borgeren.",
    "Tilbuddet gives efter reglerne i LAB-loven og kræver visitation.",
    "Målgruppen er både jobparate og aktivitetsparate borgere.",
    "Forløbet afsluttes med en skriftlig status til sagsbehandleren.",
    "Borgeren kan starte efter et afklarende møde med tilbuddets koordinator.",
    "Der følges op hver fjerde uge, og planen justeres efter behov.",
]

PLACES = "Nørrevang|Søholm|Bakkely|Egebjerg|Kildevæld|Stranddal|Lyngholt|Møllerup|Havnsø|Vesterå|Skovby|Enghave|Bøgely|Fjeldsted".split(
    "|"
)
STREETS = "Skolevej|Kirkegade|Havnevej|Stationsvej|Møllevej|Parkvej|Bygaden|Torvet|Engvej|Skovvej|Åboulevarden|Søndergade".split(
    "|"
)
QUALIFIERS = "|for unge|for voksne|om aftenen|i små hold|for kvinder|for mænd".split("|")
PROVIDERS = "Jobcentret|Sundhedshuset|Socialcentret|Uddannelsesvejledningen|Frivilligcentret|Borgerservice|Rusmiddelcentret|Ungeenheden".split(
    "|"
)
ACCESSIBILITY = [
    "Niveaufri adgang og elevator.",
    "Rampe ved indgangen og handicaptoilet.",
    "Trappe med gelænder; ring, hvis du har brug for hjælp.",
]
LANGUAGES = "dansk|engelsk|arabisk|polsk|tyrkisk|ukrainsk|somali".split("|")
DURATIONS = "4 uger|8 uger|13 uger|6 måneder|Efter behov".split("|")
HOURS = "2-4|5-10|10-15|15-20|37".split("|")
STARTS = "Løbende optag|Første mandag i måneden|Hver anden uge|Efter aftale".split("|")
WAITING = "Ingen ventetid|Op til 2 uger|Op til 4 uger|Op til 3 måneder".split("|")

FIRST_NAMES = "Anne|Jonas|Mette|Ali|Sofie|Peter|Fatima|Lars|Ida|Karim|Helle|Mikkel|Amira|Jens|Nadia|Ole".split(
    "|"
)
LAST_NAMES = "Holm|Berg|Falk|Nasser|Krogh|Madsen|Lund|Dahl|Skov|Bach|Vinther|Yilmaz".split("|")
MENTOR_ROLES = "Erhvervsmentor|Ungementor|Sundhedsmentor|Bostøttementor|Jobmentor".split("|")
MENTOR_ABOUT = [
    "Jeg hjælper dig med at finde vej til et job, der passer til dig.",
    "Vi mødes, hvor du har det godt, fx på en café eller en gåtur.",
    "Jeg har selv prøvet at stå uden job, så jeg ved, hvordan det føles.",
    "Sammen finder vi ud af, hvad du er god til, og hvad du drømmer om.",
    "Jeg kan hjælpe med breve, møder og aftaler, hvis det er svært.",
]
COMPETENCES = "Jobsøgning|Kontakt til virksomheder|Stress og trivsel|Økonomi og budget|Uddannelsesvalg|Kontakt til myndigheder|Sundhed og motion|Dansk som andetsprog".split(
    "|"
)
INDUSTRIES = "Café|Genbrug|Cykelværksted|Gartneri|Rengøring|Trykkeri|Kantine".split("|")
ENTERPRISE_NAMES = "Café|Genbrug|Værkstedet|Haven|Køkkenet|Butikken".split("|")
ENTERPRISE_TEXT = [
    "Hos os er der plads til alle. Vi tager os god tid til at lære dig op.",
    "Vi sælger brugte ting og giver overskuddet videre til lokale klubber.",
    "Du kan arbejde i køkkenet, i butikken eller med at reparere ting.",
    "Vi har faste rutiner og en rolig dag, så du ved, hvad der skal ske.",
]
