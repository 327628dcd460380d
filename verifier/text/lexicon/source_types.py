"""What kind of source a noun phrase names: patterns and well-known organisations per type.

Each type has regular-expression fragments matched case-insensitively against the source
with curly quotes straightened, plus a few case-sensitive acronyms (``UN``, ``WHO``, ``EU``)
that would be ordinary words in lower case. Organisation names are general world knowledge;
the patterns (titles, "state news agency", "rescue group") carry most of the weight so that
outlets and groups never listed here are still typed.

``WEAK_GOVERNMENT`` roles ("official", "spokesman", "statement") say little on their own: the
affiliation next to them decides ("a spokesman for the rebels", "a UN official").
"""

from __future__ import annotations

from verifier.text.lexicon import phrases, wordset

ANONYMOUS: tuple[str, ...] = (
    r"\banonym",
    r"\bon (?:the )?condition (?:of|that) "
    r"(?:anonymity|(?:he|she|they) not be (?:named|identified))",
    r"\b(?:not|un)authori[sz]ed to (?:speak|talk|comment|discuss|brief)",
    r"\bnot (?:allowed|permitted|cleared) to (?:speak|talk|comment|discuss|brief)",
    r"\b(?:asked|requested|declined|wished|preferred|wanted) (?:not )?to (?:be )?"
    r"(?:named|identified)",
    r"\basked that (?:his|her|their) names? (?:not|be withheld)",
    r"\bwho (?:asked|requested|spoke|declined|wished|preferred)\b.{0,40}"
    r"\b(?:named|identified|anonymity)",
    r"\bunnamed\b",
    r"\bunidentified\b",
    r"\bundisclosed\b",
    r"^(?:an?|one|two|three|several|multiple|some|other|various|numerous)?\s*"
    r"(?:[\w-]+\s+){0,3}sources?\b",
    r"\b(?:people|persons?|sources?|officials?|insiders?)\b.{0,20}\b(?:familiar with|"
    r"with (?:direct )?knowledge of|close to|briefed on|privy to)",
    r"\binsiders?\b",
    r"\bwhose names? (?:was|were) withheld",
    r"\bfor (?:fear of reprisals?|security reasons|(?:his|her|their) (?:own )?safety)",
)

VISUAL: tuple[str, ...] = (
    r"\bvideos?\b",
    r"\bfootage\b",
    r"\bimages?\b",
    r"\bimagery\b",
    r"\bphotos?\b",
    r"\bphotographs?\b",
    r"\bpictures?\b",
    r"\bclips?\b",
    r"\blivestreams?\b",
    r"\bsatellite\b",
    r"\bvideo recordings?\b",
    r"\brecordings?\b",
    r"\bscreenshots?\b",
    r"\bdashcam\b",
    r"\bbody ?cam(?:era)?\b",
    r"\bsecurity cameras?\b",
    r"\bsurveillance cameras?\b",
    r"\bcctv footage\b",
    r"\bdrone (?:footage|video|images?)\b",
)

STATE_MEDIA: tuple[str, ...] = (
    r"\bstate[- ](?:run |owned |controlled |affiliated |backed |funded |linked )?"
    r"(?:news agency|news agencies|media|news|television|tv|broadcaster|radio|outlets?|"
    r"newspapers?|press|"
    r"dail(?:y|ies)|channels?|agency|wire|mouthpiece|network)\b",
    r"\bgovernment[- ](?:run |owned |controlled |affiliated |backed )?"
    r"(?:media|news agency|television|tv|broadcaster|newspapers?|dail(?:y|ies)|mouthpiece)\b",
    r"\bregime[- ](?:run |controlled )?(?:media|television|tv|news agency|broadcaster)\b",
    r"\bofficial (?:news agency|media|television|tv|broadcaster|newspaper|mouthpiece)\b",
    r"\bsemi-?official\b",
    r"\bnational news agency\b",
    r"\b(?:party|communist party|military)[- ](?:run |controlled )?(?:newspaper|mouthpiece|"
    r"media|daily)\b",
    r"\bkremlin[- ](?:controlled |backed |run )?(?:media|television|tv|outlets?)\b",
    r"\bpropaganda\b",
)
STATE_MEDIA_NAMES: tuple[str, ...] = phrases(
    "SANA | IRNA | KCNA | Xinhua | TASS | RIA Novosti | Sputnik | RT | IRIB | Press TV | "
    "PressTV | CCTV | CGTN | People's Daily | Global Times | China Daily | Rodong Sinmun | "
    "KCTV | Tasnim | Fars News | Mehr News | ISNA | WAFA | Saudi Press Agency | WAM | QNA | "
    "KUNA | Al-Ikhbariya | Ikhbariya | Ukrinform | BelTA | Anadolu | TRT | Bernama | "
    "Prensa Latina | Granma | Rossiya | Rossiya 24 | Channel One | Zvezda | Al-Thawra | "
    "Tishreen | Al-Ahram | Kayhan | Syrian Arab News Agency | Islamic Republic News Agency | "
    "Korean Central News Agency | Yonhap"
)

INTL_ORG: tuple[str, ...] = (
    r"\bunited nations\b",
    r"\b(?:assembly|league|association|union|organi[sz]ation|community|council|conference) "
    r"of (?:the )?(?:[\w-]+ ){0,3}nations\b",
    r"\bhumanitarian coordinator\b",
    r"\bresident coordinator\b",
    r"\bu\.n\.",
    r"\bunicef\b",
    r"\bunhcr\b",
    r"\bunrwa\b",
    r"\bocha\b",
    r"\bunesco\b",
    r"\bundp\b",
    r"\bunfpa\b",
    r"\bunosat\b",
    r"\bworld food program(?:me)?\b",
    r"\bwfp\b",
    r"\bworld health organi[sz]ation\b",
    r"\biaea\b",
    r"\binternational atomic energy agency\b",
    r"\bopcw\b",
    r"\bnato\b",
    r"\beuropean (?:union|commission|council|parliament)\b",
    r"\bafrican union\b",
    r"\barab league\b",
    r"\bleague of arab states\b",
    r"\binternational criminal court\b",
    r"\binternational court of justice\b",
    r"\bicc\b",
    r"\bicj\b",
    r"\bworld bank\b",
    r"\bimf\b",
    r"\binternational monetary fund\b",
    r"\bosce\b",
    r"\bsecurity council\b",
    r"\bgeneral assembly\b",
    r"\bsecretary[- ]general\b",
    r"\bpeace-?keep",
    r"\bhuman rights council\b",
    r"\bspecial (?:rapporteur|envoy|representative|coordinator)\b",
    r"\bhigh commissioner\b",
    r"\binternational organi[sz]ation for migration\b",
    r"\biom\b",
    r"\bilo\b",
    r"\bwto\b",
    r"\binterpol\b",
    r"\basean\b",
    r"\becowas\b",
    r"\bopec\b",
    r"\bgulf cooperation council\b",
    r"\bcommonwealth\b",
    r"\binter-?governmental\b",
    r"\bmultilateral\b",
    r"\bu\.?n\.?[- ](?:agency|agencies|body|bodies|mission|officials?|envoy|experts?|"
    r"investigators?|monitors?|report|humanitarian)",
)
INTL_ORG_CASED: tuple[str, ...] = (r"\bUN\b", r"\bWHO\b", r"\bEU\b", r"\bAU\b", r"\bIOM\b")

NGO: tuple[str, ...] = (
    r"\bngos?\b",
    r"\bnon-?governmental\b",
    r"\bnon-?profits?\b",
    r"\bnot-for-profit\b",
    r"\bcharit(?:y|ies|able)\b",
    r"\b(?:aid|relief|rescue|humanitarian|advocacy|medical|volunteer|civil society|rights|"
    r"human rights|monitoring|campaign|environmental|activist|watchdog|press freedom|"
    r"refugee|civilian protection|research|anti-corruption|legal aid) "
    r"(?:group|groups|organi[sz]ations?|agency|agencies|workers?|charity|body|bodies|network|society|"
    r"service|services|coalition|teams?|volunteers?|collective|foundation|monitor|watchdog|"
    r"ngo)\b",
    r"\bhuman rights (?:watch|monitor|observatory|defenders?|activists?|lawyers?)\b",
    r"\b(?:war|conflict|rights|press) (?:monitor|watchdog)\b",
    r"\bwatchdog\b",
    r"\bobservatory\b",
    r"\bvolunteers?\b",
    r"\bfoundation\b",
    r"\bcivil defen[cs]e\b",
    r"\bred cross\b",
    r"\bred crescent\b",
    r"\bmagen david adom\b",
    r"\bicrc\b",
    r"\bifrc\b",
    r"\bdoctors without borders\b",
    r"\bm[ée]decins sans fronti[èe]res\b",
    r"\bmsf\b",
    r"\bamnesty\b",
    r"\bsave the children\b",
    r"\boxfam\b",
    r"\bcare international\b",
    r"\bmercy corps\b",
    r"\binternational rescue committee\b",
    r"\bnorwegian refugee council\b",
    r"\bdanish refugee council\b",
    r"\bwhite helmets\b",
    r"\bsohr\b",
    r"\bairwars\b",
    r"\bacled\b",
    r"\bcommittee to protect journalists\b",
    r"\breporters without borders\b",
    r"\bphysicians for human rights\b",
    r"\bislamic relief\b",
    r"\bcaritas\b",
    r"\bworld vision\b",
    r"\bgreenpeace\b",
    r"\btransparency international\b",
    r"\bfreedom house\b",
    r"\b(?:international )?crisis group\b",
    r"\bthink[- ]tank\b",
    r"\binstitute for the study of war\b",
    r"\bb'?tselem\b",
    r"\bhumanitarian\b",
    r"\brights groups?\b",
    r"\bactivists?\b",
    r"\bcampaigners?\b",
    r"\bsociety\b",
    r"\bunion of (?:medical|relief)\b",
    r"\bsams\b",
)

ARMED_GROUP: tuple[str, ...] = (
    r"\brebels?\b",
    r"\brebel-?(?:led|run|held|controlled|backed)\b",
    r"\binsurgen(?:ts?|cy)\b",
    r"\bmilitias?\b",
    r"\bmilitiam[ae]n\b",
    r"\bmilitants?\b",
    r"\bfighters?\b",
    r"\bguerrillas?\b",
    r"\bjihadis?t?s?\b",
    r"\bseparatists?\b",
    r"\bparamilitar(?:y|ies)\b",
    r"\barmed (?:group|groups|faction|factions|opposition|movement|wing|men|gunmen)\b",
    r"\bgunmen\b",
    r"\bopposition (?:forces|factions?|fighters|groups?|coalition|militias?|commanders?|"
    r"troops|army|alliance|command)\b",
    r"\b(?:rebel|armed|militant|opposition|insurgent|islamist|jihadist) (?:coalition|alliance|"
    r"command|factions?|groups?|movement|commanders?|forces|spokes(?:man|woman|person))\b",
    r"\bcoalition of (?:rebel|armed|opposition|islamist|jihadist|militant)",
    r"\bhamas\b",
    r"\bhez?b[ou]llah\b",
    r"\bhouthis?\b",
    r"\bansar allah\b",
    r"\bhts\b",
    r"\b(?:hayat|hayat) tahrir al-sham\b",
    r"\btahrir al-sham\b",
    r"\bisis\b",
    r"\bisil\b",
    r"\bislamic state\b",
    r"\bdaesh\b",
    r"\bal-?qaeda\b",
    r"\bal-?shabaab\b",
    r"\bboko haram\b",
    r"\btaliban\b",
    r"\bwagner\b",
    r"\brapid support forces\b",
    r"\bm23\b",
    r"\bsyrian democratic forces\b",
    r"\bsdf\b",
    r"\bypg\b",
    r"\bpkk\b",
    r"\bfree syrian army\b",
    r"\bsyrian national army\b",
    r"\bislamic jihad\b",
    r"\bal-?aqsa martyrs\b",
    r"\bqassam brigades?\b",
    r"\bal-?quds brigades?\b",
    r"\bjabhat al-?nusra\b",
    r"\bnusra front\b",
    r"\bahrar al-?sham\b",
    r"\blord's resistance army\b",
    r"\bfarc\b",
    r"\beln\b",
    r"\barakan army\b",
    r"\bpeople's defen[cs]e force\b",
    r"\btplf\b",
    r"\bjaish\b",
    r"\bkata'?ib\b",
    r"\bbrigades\b",
    r"\bresistance (?:movement|fighters|group)\b",
    r"\bwarlords?\b",
    r"\bjunta\b",
    r"\bliberation (?:front|army|movement|tigers|organi[sz]ation|forces)\b",
    r"\bpeople'?s (?:defen[cs]e|protection|liberation|mobili[sz]ation) (?:forces?|units?|army)\b",
    r"\b(?:national|islamic|popular|resistance) front\b",
    r"\bself-defen[cs]e (?:forces|units|groups?)\b",
)
# Words that end the names of newspapers and broadcasters: "the Lissow Courier".
MEDIA_CASED: tuple[str, ...] = (
    r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)* (?:Times|Post|Courier|Herald|Tribune|Gazette|Journal|"
    r"Chronicle|Observer|Ledger|Daily|News|Express|Mirror|Telegraph|Guardian|Examiner|Inquirer|"
    r"Bulletin|Dispatch|Standard|Globe|Sentinel|Press|Review|Star|Mail|Record|Register|"
    r"Independent|Today|Radio|TV|Television|Broadcasting|Wire|Magazine|Weekly)\b",
)

MEDIA: tuple[str, ...] = (
    r"\bnewspapers?\b",
    r"\bnews (?:agency|agencies|outlets?|sites?|websites?|channels?|network|service|portal|"
    r"organi[sz]ations?|reports?)\b",
    r"\bbroadcasters?\b",
    r"\b(?:tv|television|radio|cable|satellite) (?:channel|station|network|broadcaster)s?\b",
    r"\bmagazines?\b",
    r"\btabloids?\b",
    r"\b(?:media|press|news) reports?\b",
    r"\blocal (?:media|press|news|outlets?)\b",
    r"\bmedia outlets?\b",
    r"\boutlets?\b",
    r"\bwire (?:service|agency)\b",
    r"\bjournalists?\b",
    r"\breporters?\b",
    r"\bcorrespondents?\b",
    r"\bcolumnists?\b",
    r"\beditors?\b",
    r"\bdaily\b",
    r"\bweekly\b",
    r"\breported by\b",
    r"\bpodcast\b",
    r"\bbloggers?\b",
    r"\bmedia\b",
    r"\bpress\b",
)
MEDIA_NAMES: tuple[str, ...] = phrases(
    "Reuters | AP | Associated Press | AFP | Agence France-Presse | Agence France Presse | "
    "Bloomberg | BBC | CNN | Al Jazeera | Al-Jazeera | Al Arabiya | Al-Arabiya | Sky News | "
    "NBC | CBS | ABC News | Fox News | MSNBC | New York Times | Washington Post | "
    "Wall Street Journal | Financial Times | Guardian | The Times | Telegraph | Economist | "
    "Le Monde | Le Figaro | Der Spiegel | Spiegel | Bild | Haaretz | Times of Israel | "
    "Jerusalem Post | Ynet | Channel 12 | Channel 13 | Interfax | Kommersant | Meduza | "
    "Novaya Gazeta | Kyiv Independent | Axios | Politico | NPR | PBS | Deutsche Welle | DW | "
    "France 24 | Euronews | Kyodo | NHK | Asahi | Al-Mayadeen | Al Mayadeen | Al-Watan | "
    "Al-Hadath | Enab Baladi | Rudaw | Kurdistan24 | Bellingcat | The Independent | "
    "Daily Mail | USA Today | Los Angeles Times | Vox | HuffPost | Buzzfeed | ProPublica | "
    "The Intercept | Middle East Eye | The National | Gulf News | Arab News | "
    "South China Morning Post | Nikkei | Straits Times | Times of India | Hindustan Times | "
    "Sydney Morning Herald | ABC | CBC | Globe and Mail | El País | El Pais | Corriere | "
    "La Repubblica | ANSA | dpa | EFE | Europa Press | Ukrainska Pravda | Hromadske | Novaya | "
    "RFE/RL | Radio Free Europe | Radio Liberty | VOA | Voice of America"
)

GOVERNMENT: tuple[str, ...] = (
    r"\bministers?\b",
    r"\bministr(?:y|ies)\b",
    r"\bgovernments?\b",
    r"\bgovernment(?:al)?\b",
    r"\bpresident(?:ial)?\b",
    r"\bprime minister\b",
    r"\bpremier\b",
    r"\bchancellor\b",
    r"\bkremlin\b",
    r"\bwhite house\b",
    r"\bpentagon\b",
    r"\bstate department\b",
    r"\bforeign office\b",
    r"\bdowning street\b",
    r"\bnumber 10\b",
    r"\b[ée]lys[ée]e\b",
    r"\bmilitary\b",
    r"\barmy\b",
    r"\barmed forces\b",
    r"\bdefen[cs]e forces\b",
    r"\bnavy\b",
    r"\bnaval\b",
    r"\bair force\b",
    r"\bmarines?\b",
    r"\btroops\b",
    r"\bsoldiers?\b",
    r"\bpolice\b",
    r"\bpolicemen\b",
    r"\bauthorit(?:y|ies)\b",
    r"\bregime\b",
    r"\bcabinet\b",
    r"\bparliament(?:ary)?\b",
    r"\blawmakers?\b",
    r"\blegislat(?:ors?|ure)\b",
    r"\bcongress(?:man|woman|ional)?\b",
    r"\bsenators?\b",
    r"\bsenate\b",
    r"\bgovernors?\b",
    r"\bmayors?\b",
    r"\bprefects?\b",
    r"\bcentral bank\b",
    r"\b(?:national )?statistics (?:office|agency|bureau|authority)\b",
    r"\bprefecture\b",
    r"\bcouncill?ors?\b",
    r"\bmunicipality\b",
    r"\bmunicipal",
    r"\bembass(?:y|ies)\b",
    r"\bambassadors?\b",
    r"\bdiplomats?\b",
    r"\bconsulate\b",
    r"\bdefen[cs]e\b",
    r"\bidf\b",
    r"\bcentral command\b",
    r"\bcentcom\b",
    r"\bsecurity (?:forces|services|service|council of)\b",
    r"\bborder (?:guard|police|force)s?\b",
    r"\bcoast ?guard\b",
    r"\bnational guard\b",
    r"\bintelligence\b",
    r"\bspy agency\b",
    r"\bcia\b",
    r"\bfbi\b",
    r"\bmossad\b",
    r"\bshin bet\b",
    r"\bfsb\b",
    r"\bprosecutors?\b",
    r"\battorney[- ]general\b",
    r"\bjustice department\b",
    r"\bdepartment of\b",
    r"\bkings?\b",
    r"\bqueen\b",
    r"\bemir\b",
    r"\bsultan\b",
    r"\bcrown prince\b",
    r"\bmonarch",
    r"\brevolutionary guards?\b",
    r"\birgc\b",
    r"\bquds force\b",
    r"\bgeneral staff\b",
    r"\bgeneral\b",
    r"\bcolonel\b",
    r"\badmiral\b",
    r"\bbrigadier\b",
    r"\bmajor general\b",
    r"\blieutenant\b",
    r"\bfederal\b",
    r"\bstate (?:officials?|agency|council|committee|governor|prosecutor|security|"
    r"emergency service|emergency services)\b",
    r"\bemergency (?:service|services|ministry)\b",
    r"\bcity hall\b",
    r"\bcity council\b",
    r"\bjudiciary\b",
    r"\bcourts?\b",
    r"\bjudges?\b",
    r"\badministration\b",
    r"\bofficers?\b",
    r"\bhealth (?:officials?|authorities|department|service|directorate|bureau|office)\b",
    r"\bdirectorates?\b",
    r"\bprovincial (?:government|authorities|officials?|administration|council|governor|"
    r"health|police|office)\b",
    r"\b(?:regional|local|district|municipal|city|state|federal|national) "
    r"(?:government|authorities|administration|officials)\b",
)
GOVERNMENT_CASED: tuple[str, ...] = (r"\bUS\b", r"\bU\.S\.", r"\bUK\b", r"\bMoD\b", r"\bMOD\b")

# Role words that need an affiliation to say anything ("a spokesman for ...").
WEAK_GOVERNMENT: tuple[str, ...] = (
    r"\bofficials?\b",
    r"\bspokes(?:man|woman|person|people|men|women)\b",
    r"\bstatements?\b",
    r"\brepresentatives?\b",
    r"\baides?\b",
    r"\badvisers?\b",
    r"\badvisors?\b",
    r"\benvoys?\b",
    r"\bleaders?\b",
    r"\bleadership\b",
    r"\bsecretary\b",
    r"\bdirector\b",
    r"\bhead of\b",
    r"\bchief\b",
    r"\bdeputy\b",
    r"\bcommanders?\b",
    r"\bagency\b",
    r"\bdepartment\b",
    r"\bcouncil\b",
    r"\bcommittee\b",
    r"\boffice\b",
    r"\bcommission\b",
    r"\bbureau\b",
    r"\bauthority\b",
)

EYEWITNESS: tuple[str, ...] = (
    r"\bresidents?\b",
    r"\b(?:eye)?witness(?:es)?\b",
    r"\blocals\b",
    r"\bvillagers?\b",
    r"\bsurvivors?\b",
    r"\bneighbou?rs?\b",
    r"\bbystanders?\b",
    r"\bpassers?-?by\b",
    r"\bonlookers?\b",
    r"\binhabitants?\b",
    r"\bcitizens?\b",
    r"\bcivilians?\b",
    r"\b(?:a|one|another) (?:man|woman|boy|girl|mother|father|resident|teacher|farmer|"
    r"shopkeeper|driver|student|nurse|doctor|worker|vendor|fisherman|pharmacist|engineer)\b",
    r"\b(?:man|woman|people|person|family|families|mother|father) who\b",
    r"\bwho (?:lives?|lived|saw|witnessed|survived|fled|was there|were there)\b",
    r"\bwho (?:live|work|works|worked|runs?|ran|owns?|owned|manages?|drives?|teaches|"
    r"sells?|was (?:inside|at|in|near)|were (?:inside|at|in|near)|heard|escaped)\b",
    r"\b(?:mechanic|baker|trader|vendor|shop ?owner|shopkeeper|taxi driver|driver|laborer|"
    r"labourer|builder|carpenter|plumber|electrician|cleaner|housewife|pensioner|retiree|"
    r"grandmother|grandfather|widow|mother of|father of|owner|stallholder|fishmonger|"
    r"butcher|tailor|barber|porter|janitor|caretaker|cook|waiter|waitress|nurse|midwife|"
    r"surgeon|paramedic|medic|pharmacist)s?\b",
    r"\b(?:members? of )?(?:hospital |medical )?staff\b",
    r"\brelatives\b",
    r"\bfamil(?:y|ies)\b",
    r"\bparents\b",
    r"\bdisplaced\b",
    r"\brefugees\b",
    r"\bprotesters?\b",
    r"\bdemonstrators?\b",
    r"\bpatients\b",
    r"\bstudents?\b",
    r"\bemployees?\b",
    r"\bworkers?\b",
    r"\bshopkeepers?\b",
    r"\bfarmers?\b",
    r"\bfishermen\b",
    r"\bpassengers\b",
    r"\bparamedics?\b",
    r"\bdoctors?\b",
    r"\bnurses?\b",
    r"\bteachers?\b",
    r"\bpeople (?:in|on|at|from|near)\b",
)

HEDGES: tuple[str, ...] = (
    r"\bclaim(?:s|ed|ing)?\b",
    r"\ballege(?:s|d|dly)?\b",
    r"\ballegations?\b",
    r"\breportedly\b",
    r"\bpurported(?:ly)?\b",
    r"\bsupposedly\b",
    r"\bapparently\b",
    r"\bostensibly\b",
    r"\bunverified\b",
    r"\bunconfirmed\b",
    r"\bunsubstantiated\b",
    r"\b(?:could|can|did|does|do|was|were|has|have|is|are)\s?n[o'\u2019]t\b[^.;]{0,40}?"
    r"\b(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed)|"
    r"authenticat(?:e|ed))\b",
    r"\b(?:not|un)able to (?:independently )?(?:verify|confirm|corroborate)\b",
    r"\bcannot (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)\b",
    r"\bwithout (?:providing |offering |citing )?(?:any )?evidence\b",
    r"\b(?:provided|offered|gave|presented) no evidence\b",
    r"\bdid not (?:provide|offer|give|present) (?:any )?evidence\b",
    r"\bit (?:is|was|remains|remained) (?:not |un)clear\b",
    r"\bit was not (?:immediately )?clear\b",
    r"\bnot (?:immediately )?(?:possible|able) to (?:verify|confirm)\b",
    r"\bis said to\b",
    r"\bwere said to\b",
    r"\bwas said to\b",
    r"\bappears? to\b",
    r"\bappeared to\b",
    r"\bpossibly\b",
    r"\bdisputed\b",
)

# States and their capitals: "Iran said", "Moscow accuses", "Washington has denied" speak for a
# government. Short forms and common spellings included; general knowledge, not fitted to text.
COUNTRIES: frozenset[str] = wordset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
    bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile
    china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
    ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
    iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia
    moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal
    netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkiye turkmenistan
    tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia
    zimbabwe britain america u.s. usa uk u.k. kabul tirana algiers luanda yerevan canberra
    vienna baku manama dhaka minsk brussels sarajevo brasilia sofia ottawa santiago beijing
    bogota havana nicosia prague copenhagen cairo asmara tallinn addis helsinki paris tbilisi
    berlin accra athens budapest delhi jakarta tehran baghdad dublin jerusalem rome tokyo amman
    astana nairobi pristina bishkek vientiane riga beirut tripoli vilnius kuala lumpur
    valletta chisinau ulaanbaatar podgorica rabat maputo naypyidaw kathmandu amsterdam
    managua niamey abuja pyongyang oslo muscat islamabad ramallah lima manila warsaw lisbon
    doha bucharest moscow kigali riyadh dakar belgrade bratislava ljubljana mogadishu
    pretoria seoul madrid khartoum stockholm bern damascus taipei dushanbe dodoma bangkok
    tunis ankara kampala kyiv kiev abu dhabi london washington montevideo tashkent caracas
    hanoi sanaa lusaka harare"""
) | frozenset(
    phrases(
        "saudi arabia | united states | united kingdom | south africa | south korea | "
        "north korea | "
        "new zealand | sri lanka | south sudan | costa rica | el salvador | ivory coast | "
        "czech republic | dominican republic | united arab emirates | uae | east timor | "
        "sierra leone | equatorial guinea | papua new guinea | buenos aires | mexico city | "
        "new delhi | abu dhabi | kuala lumpur | addis ababa | the kremlin | gaza | west bank | "
        "hong kong | the vatican | the netherlands | the philippines"
    )
)
