"""The question set for `flows/asking/ask.py`: realistic questions written from the two articles.

Each entry is (question, topics it may land on). A topic is a passage id or an id prefix
("certifications" covers every certification; "faq/timeline" one FAQ answer). Questions are
phrased the way people type: casual, short or long, some with typos. Written before tuning.
"""

from __future__ import annotations

QUESTIONS: list[tuple[str, tuple[str, ...]]] = [
    # degrees and whether you need one
    (
        "Is a master's realistic without a bachelor's?",
        ("paths/degree", "faq/degree_or_not", "non_degree_limits"),
    ),
    (
        "do i need a degree to get into AI",
        ("faq/degree_or_not", "non_degree_works_best", "faq/when_degree_needed"),
    ),
    (
        "can I become an ai engineer without a cs degree",
        ("faq/degree_or_not", "non_degree_works_best", "faq/when_degree_needed"),
    ),
    ("is a masters worth it", ("paths/degree", "faq/degree_or_not")),
    ("how much does a master's cost", ("paths/degree",)),
    ("how long is a masters degree", ("paths/degree",)),
    ("whats bad about doing a masters", ("paths/degree/limitations",)),
    ("who should do a master's degree", ("paths/degree/best_for", "paths/degree")),
    ("do I need a PhD", ("faq/degree_or_not", "non_degree_limits", "roles/research")),
    ("when does not having a degree hurt", ("faq/when_degree_needed", "non_degree_limits")),
    ("where does the no degree route fail", ("faq/when_degree_needed", "non_degree_limits")),
    (
        "i need an h1b visa, does a degree matter?",
        ("non_degree_limits/visa", "faq/when_degree_needed"),
    ),
    ("visa sponsorship without degree", ("non_degree_limits/visa", "faq/when_degree_needed")),
    (
        "can i work for the government without a degree",
        ("non_degree_limits/highly", "faq/when_degree_needed"),
    ),
    (
        "defence contractor jobs need a degree?",
        ("non_degree_limits/highly", "faq/when_degree_needed"),
    ),
    (
        "can i get into deepmind without a phd",
        ("non_degree_limits/big", "faq/when_degree_needed", "faq/degree_or_not"),
    ),
    (
        "where does skipping the degree work best",
        ("non_degree_works_best", "faq/when_degree_needed"),
    ),
    ("mastr degree tution", ("paths/degree",)),
    # certificate programs and bootcamps
    ("are short certificate programs worth it", ("paths/certificate",)),
    ("how long is a certificate program", ("paths/certificate",)),
    ("how much does a bootcamp cost", ("paths/certificate",)),
    ("what are the downsides of a short course", ("paths/certificate/limitations",)),
    ("will a 12 week bootcamp get me hired", ("paths/certificate",)),
    # work-integrated programs
    (
        "how much does the accelerated program pay?",
        ("paths/accelerated_immersive", "faq/work_integrated"),
    ),
    (
        "what's the tuition for the accelerated immersive",
        ("paths/accelerated_immersive", "faq/work_integrated"),
    ),
    (
        "how does the apprenticeship work",
        ("faq/work_integrated", "paths/accelerated_immersive", "paths/immersive"),
    ),
    (
        "do you get paid during the immersive",
        ("faq/work_integrated", "paths/immersive", "paths/accelerated_immersive"),
    ),
    (
        "i'm a career switcher with no tech background, what program is for me",
        ("paths/immersive", "faq/which_path"),
    ),
    ("how long is the ai engineering immersive", ("paths/immersive", "faq/work_integrated")),
    (
        "what's the entry requirement for the accelerated immersive",
        ("paths/accelerated_immersive",),
    ),
    ("is the accelerated program for beginners", ("paths/accelerated_immersive",)),
    ("what happens in phase 1 of the immersive", ("paths/immersive",)),
    (
        "immersive scholarhip amount",
        ("paths/immersive", "paths/accelerated_immersive", "faq/work_integrated"),
    ),
    ("is it an income share agreement", ("paths/accelerated_immersive", "paths/immersive")),
    # self-study
    ("can i teach myself ai", ("faq/self_study", "self_study", "paths/self_study")),
    ("is self study a good idea", ("faq/self_study", "self_study", "paths/self_study")),
    (
        "why do self taught people fail",
        ("self_study", "paths/self_study/limitations", "faq/self_study"),
    ),
    (
        "free resources to learn machine learning",
        ("paths/self_study", "self_study", "skill_layers"),
    ),
    (
        "whats the problem with youtube tutorials",
        ("self_study", "faq/self_study", "paths/self_study"),
    ),
    ("what does a mentor give me", ("self_study", "paths/self_study")),
    # which path
    ("which path is right for me", ("faq/which_path",)),
    ("how do i choose between degree, certificate and bootcamp", ("faq/which_path", "paths")),
    # roles
    ("what does an mlops engineer do", ("roles/mlops",)),
    ("what is an applied ml engineer", ("roles/applied_ml",)),
    ("research engineer vs applied ml engineer", ("roles",)),
    ("what tools does an applied ml engineer use", ("roles/applied_ml",)),
    ("is mlops closer to devops", ("roles/mlops",)),
    ("do research engineers need a phd", ("roles/research", "non_degree_limits")),
    # learning layers
    (
        "what should i learn first",
        ("skill_layers/programming", "faq/no_coding", "timeline/months-1-2"),
    ),
    ("how much math do i need", ("skill_layers/math",)),
    ("do i need linear algebra", ("skill_layers/math",)),
    ("best way to learn calculus and stats for ML", ("skill_layers/math",)),
    ("what's in the machine learning core layer", ("skill_layers/ml_core",)),
    (
        "should i learn docker and kubernetes",
        ("skill_layers/production", "roles/mlops", "interview_topics/production"),
    ),
    ("where do i learn transformers", ("skill_layers/ml_core",)),
    ("is cs50 good for beginners", ("skill_layers/programming", "faq/no_coding")),
    ("i've never coded, can I still do this?", ("faq/no_coding", "paths/immersive")),
    (
        "how long should i spend learning python first",
        ("faq/no_coding", "skill_layers/programming", "timeline/months-1-2"),
    ),
    ("fastapi or flask for serving models", ("skill_layers/production",)),
    # certifications
    (
        "which certifications are worth it",
        ("faq/certifications", "certification_strategy", "certifications"),
    ),
    ("how much is the aws ml specialty exam", ("certifications/aws", "faq/certifications")),
    ("is the google ml engineer cert good", ("certifications/google", "faq/certifications")),
    ("tensorflow developer certificate cost", ("certifications/tensorflow", "faq/certifications")),
    ("is the IBM AI engineering certificate any good", ("certifications/ibm",)),
    ("azure ai engineer cert worth it?", ("certifications/microsoft",)),
    ("which certs should a career changer get", ("certification_strategy", "faq/certifications")),
    (
        "certifcations that matter",
        ("faq/certifications", "certification_strategy", "certifications"),
    ),
    ("how long to prepare for the aws machine learning certification", ("certifications/aws",)),
    # portfolio
    ("what should be in my portfolio", ("faq/portfolio", "portfolio_must_haves")),
    ("portfolio project ideas", ("faq/portfolio", "portfolio_must_haves")),
    ("is a titanic kaggle project enough", ("portfolio_mistakes/only", "faq/portfolio")),
    ("do i need a readme", ("portfolio_mistakes/missing", "faq/portfolio")),
    ("common portfolio mistakes", ("portfolio_mistakes", "faq/portfolio")),
    (
        "does open source contribution help",
        ("portfolio_must_haves/an-open", "job_search/contribute", "faq/portfolio"),
    ),
    (
        "should i write a blog",
        ("portfolio_must_haves/technical", "job_search/publish", "paths/self_study/next_steps"),
    ),
    (
        "are jupyter notebooks ok for a portfolio",
        ("portfolio_mistakes/messy", "portfolio_must_haves/an-end"),
    ),
    ("what is a data pipeline project", ("portfolio_must_haves/a-data",)),
    # hiring
    ("what do hiring managers look for", ("hiring_signals",)),
    ("what skills do ai job postings ask for", ("hiring_signals",)),
    ("does model training from scratch matter for hiring", ("hiring_signals/systems",)),
    ("what doesn't help me get hired", ("hiring_signals/what-does-not",)),
    # job search
    ("how do i get past resume filters", ("job_search/why", "job_search/message")),
    ("should i message recruiters or hiring managers", ("job_search/message",)),
    ("tips for the job hunt", ("job_search", "timeline/months-11-12")),
    ("do meetups help find a job", ("job_search/show-up",)),
    ("how to network into an ai job on linkedin", ("job_search/message",)),
    # interviews
    ("what's in an ai engineer interview", ("interview_topics",)),
    ("will they ask leetcode hard questions", ("interview_topics/coding",)),
    ("how do i prep for ml system design interviews", ("interview_topics/ml-system",)),
    (
        "which interview rounds matter most for non traditional candidates",
        ("interview_topics/how-rounds",),
    ),
    ("what behavioral questions come up", ("interview_topics/behavioral",)),
    # timeline and pacing
    ("how long does it take", ("faq/timeline", "pacing")),
    ("how long does it realisticly take to get a job", ("faq/timeline", "pacing")),
    ("can i do it in 6 months full time", ("faq/timeline", "pacing")),
    ("is 18 months too slow", ("pacing", "faq/timeline", "paths/self_study")),
    ("what should i do in months 7 and 8", ("timeline/months-7-8",)),
    ("when do i start applying to jobs", ("timeline/months-11-12", "job_search")),
    ("how many hours a week should i study", ("pacing", "faq/timeline", "paths/self_study")),
    ("i only have 10 hours a week, how long will it take", ("pacing", "faq/timeline")),
    ("what's the 12 month plan", ("timeline", "pacing", "faq/timeline")),
]

OFF_TOPIC: list[str] = [
    "what's the weather like today",
    "tell me a joke",
    "hi",
    "hello there",
    "good morning!",
    "thanks",
    "who won the football last night",
    "recommend me a good movie",
    "how do i bake sourdough bread",
    "what's the bitcoin price",
    "what is the capital of france",
    "asdfghjkl",
    "lol",
    "can you book me a flight to paris",
    "how tall is mount everest",
    "play some music",
    "my cat is sick what should i do",
    "what time is it",
    "is it going to rain tomorrow",
    "how do i fix a flat tyre",
    "what's your favourite colour",
    "write me a poem about the sea",
    "how much does a plumber earn",
    "best pizza near me",
]
