"""Word lists, headings and topics the synthetic corpus draws from, per language.

The words are real Swahili, English and Persian words about the work of a local
council; sentences built from them are not grammatical, but they have the
length, alphabet and direction of real news so that Markdown, slugs, sorting
and templates do the same amount of work as on a real site.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "sw": tuple("""
        halmashauri wilaya mkoa kata kijiji wananchi serikali mradi maendeleo huduma afya elimu
        maji barabara kilimo mifugo biashara soko shule wanafunzi walimu zahanati hospitali kituo
        ujenzi fedha bajeti mapato ushuru mkutano baraza madiwani mwenyekiti mkurugenzi mtendaji
        afisa idara kitengo wakulima mbegu mbolea mavuno mvua mazingira miti upandaji usafi taka
        umeme nishati jua mtandao taarifa tovuti simu mawasiliano vijana wanawake watoto wazee
        ulemavu mikopo vikundi ajira mafunzo semina warsha ziara ukaguzi tathmini mpango mkakati
        sera sheria kanuni utekelezaji usimamizi uwajibikaji uwazi ushirikiano wadau washirika
        jamii familia nyumba makazi ardhi ramani upimaji hati leseni kibali ada malipo risiti benki
        akiba ukusanyaji lengo asilimia shilingi milioni bilioni mwaka mwezi wiki siku leo jana
        kesho asubuhi jioni kwa na ya wa za la katika kutoka hadi pamoja kuhusu baada kabla wakati
        zaidi kila wote wengi mpya bora safi salama muhimu kubwa ndogo haraka mapema rasmi
        kuendelea kuimarisha kuboresha kujenga kutoa kupokea kukamilisha kuhudumia kusimamia
        kushiriki kuhamasisha kuzindua kukabidhi kutembelea kukagua kujadili kupitisha kuchangia
        kulinda kutunza alisema amesema walisema imetoa imepokea imekamilisha inatarajia
        inaendelea wameshauriwa wanakaribishwa Mlimani Lumbe Kisanga Majengo Mvuleni Nyamisi
        Mbuyuni Kilimahewa""".split()),
    "en": tuple("""
        council district region ward village residents government project development services
        health education water road agriculture livestock trade market school pupils teachers
        dispensary hospital centre construction funds budget revenue levy meeting councillors
        chairperson director executive officer department unit farmers seeds fertiliser harvest
        rain environment trees planting sanitation waste electricity energy solar network
        information website phone communication youth women children elderly disability loans
        groups employment training seminar workshop visit inspection assessment plan strategy
        policy law regulations implementation supervision accountability transparency cooperation
        stakeholders partners community families housing land map survey title licence permit
        fee payment receipt bank savings collection target percent shillings million billion year
        month week day today yesterday tomorrow morning evening the of and to in for with from by
        on at about after before during more every all many new better clean safe important large
        small quickly early officially continue strengthen improve build provide receive complete
        serve manage participate encourage launch inspect discuss approve contribute protect
        maintain said announced explained reported expects continues advised welcomed Mlimani
        Lumbe Kisanga Majengo Mvuleni Nyamisi Mbuyuni Kilimahewa""".split()),
    "fa": tuple("""
        شورا ناحیه استان حوزه روستا ساکنان دولت طرح توسعه خدمات بهداشت آموزش آب جاده کشاورزی
        دامداری تجارت بازار مدرسه دانش‌آموزان معلمان درمانگاه بیمارستان مرکز ساخت بودجه درآمد
        عوارض نشست نمایندگان رئیس مدیر اجرایی کارشناس بخش واحد کشاورزان بذر کود برداشت باران
        محیط‌زیست درختان کاشت پاکیزگی پسماند برق انرژی خورشیدی شبکه اطلاعات وبگاه تلفن ارتباطات
        جوانان زنان کودکان سالمندان معلولیت وام گروه‌ها اشتغال کارگاه بازدید بازرسی ارزیابی
        برنامه راهبرد سیاست قانون مقررات اجرا نظارت پاسخ‌گویی شفافیت همکاری ذی‌نفعان شریکان
        جامعه خانواده‌ها مسکن زمین نقشه سند مجوز هزینه پرداخت رسید بانک پس‌انداز گردآوری هدف
        درصد شیلینگ میلیون میلیارد سال ماه هفته روز امروز دیروز فردا صبح عصر و از به در با برای
        تا درباره‌ی پس پیش هنگام بیشتر هر همه بسیاری تازه بهتر پاکیزه ایمن مهم بزرگ کوچک زود
        رسمی ادامه تقویت بهبود ساختن ارائه دریافت تکمیل خدمت‌رسانی مدیریت مشارکت تشویق افتتاح
        تحویل گفت کرد شد است خواهد می‌کند می‌شود دارد ملیمانی لومبه کیسانگا ماجنگو مولنی نیامیسی
        مبویونی کیلیماهوا""".split()),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "sw": ("Mambo makuu yaliyojadiliwa", "Hatua zinazofuata", "Changamoto na maelekezo",
           "Wajibu wa wananchi", "Vipengele vya mradi", "Maazimio", "Mgawanyo wa fedha",
           "Matokeo ya awali"),
    "en": ("Key points discussed", "Next steps", "Challenges and directions", "The role of residents",
           "What the project includes", "Resolutions", "How the funds are shared", "Early results"),
    "fa": ("نکته‌های اصلی", "گام‌های بعدی", "چالش‌ها و رهنمودها", "وظیفه‌ی ساکنان", "اجزای طرح",
           "مصوبه‌ها", "تقسیم بودجه", "نتیجه‌های نخست"),
}

# One topic: its category and a few tags, in every language (same order).
TOPICS: tuple[dict[str, tuple[str, tuple[str, ...]]], ...] = (
    {"sw": ("Maji", ("maji", "miradi", "visima")), "en": ("Water", ("water", "projects", "boreholes")),
     "fa": ("آب", ("آب", "طرح‌ها", "چاه‌ها"))},
    {"sw": ("Elimu", ("elimu", "shule", "walimu")), "en": ("Education", ("education", "schools", "teachers")),
     "fa": ("آموزش", ("آموزش", "مدرسه‌ها", "معلمان"))},
    {"sw": ("Afya", ("afya", "zahanati", "chanjo")), "en": ("Health", ("health", "dispensaries", "vaccination")),
     "fa": ("بهداشت", ("بهداشت", "درمانگاه‌ها", "واکسیناسیون"))},
    {"sw": ("Kilimo", ("kilimo", "wakulima", "mbegu")), "en": ("Agriculture", ("agriculture", "farmers", "seeds")),
     "fa": ("کشاورزی", ("کشاورزی", "کشاورزان", "بذر"))},
    {"sw": ("Miundombinu", ("barabara", "madaraja", "ujenzi")),
     "en": ("Infrastructure", ("roads", "bridges", "construction")),
     "fa": ("زیرساخت", ("جاده‌ها", "پل‌ها", "ساخت‌وساز"))},
    {"sw": ("Utawala", ("baraza-la-madiwani", "utawala", "mapato")),
     "en": ("Governance", ("council", "governance", "revenue")), "fa": ("حکمرانی", ("شورا", "حکمرانی", "درآمد"))},
    {"sw": ("Uchumi", ("mikopo", "vijana", "wanawake")), "en": ("Economy", ("loans", "youth", "women")),
     "fa": ("اقتصاد", ("وام", "جوانان", "زنان"))},
    {"sw": ("Mazingira", ("mazingira", "miti", "usafi")), "en": ("Environment", ("environment", "trees", "sanitation")),
     "fa": ("محیط زیست", ("محیط‌زیست", "درختان", "پاکیزگی"))},
)

WARDS: dict[str, tuple[str, ...]] = {
    "sw": ("lumbe", "kisanga", "majengo", "mvuleni", "nyamisi", "mbuyuni"),
    "en": ("lumbe", "kisanga", "majengo", "mvuleni", "nyamisi", "mbuyuni"),
    "fa": ("لومبه", "کیسانگا", "ماجنگو", "مولنی", "نیامیسی", "مبویونی"),
}

# Pages and units of the kit's demo content that generated items link to.
LINK_TARGETS = ("pages/services", "pages/contact", "pages/about", "units/health", "units/education",
                "units/finance", "units/ict")
LINK_TEXTS: dict[str, tuple[str, ...]] = {
    "sw": ("maelezo zaidi", "ukurasa wa huduma", "wasiliana nasi", "taarifa ya awali"),
    "en": ("more details", "the services page", "contact us", "the earlier report"),
    "fa": ("جزئیات بیشتر", "صفحه‌ی خدمات", "تماس با ما", "گزارش پیشین"),
}
EXTERNAL_LINKS = ("https://www.tanzania.go.tz/", "https://www.tamisemi.go.tz/", "https://portal.ajira.go.tz/")
EDIT_SENTENCE: dict[str, str] = {
    "sw": "Taarifa hii imesasishwa na Kitengo cha Mawasiliano.",
    "en": "This item was updated by the Communication Unit.",
    "fa": "این خبر را واحد ارتباطات به‌روز کرده است.",
}
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
