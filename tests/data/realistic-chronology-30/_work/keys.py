# Every keyed string, by kind. gen_key.py finds them (whole words, case-sensitive)
# in each entry's Author and Text columns.
import re

PERSON = """
José Carlos DA SILVA SANTOS
Jose Carlos DA SILVA SANTOS
DA SILVA SANTOS, José Carlos
Mr José Carlos DA SILVA SANTOS
Mr Jose Carlos DA SILVA SANTOS
Mr DA SILVA SANTOS
José Carlos
Mr Santos
Zé
Joana FERREIRA DE OLIVEIRA
Joana Ferreira de Oliveira
FERREIRA DE OLIVEIRA, Joana Filipa
Joana
Joanna FERREIRA
Joana SANTOS
Mrs J. F. de O.
Jo
Júlia FERREIRA SANTOS
Júlia
Julia
Juju
Ju
João Pedro FERREIRA SANTOS
Joao Pedro FERREIRA SANTOS
João Pedro
JP
Joãozinho
JOÃO
Vovó Cida
Irmã Cida
Wellington
Ms Renata Santos
Renata
Graça
Maureen
Paula Mendes
Paula
Mr Rowe
Liam Rowe
Raymond HODGSON
Mr Raymond HODGSON
Mr Raymond Hodgson
Raymond
Mr Hodgson
Ray
Grandad Ray
Ray Junior
Sandra HODGSON
Mrs Sandra HODGSON
Mrs Sandra Hodgson
Sandra
Mrs Hodgson
Mrs S. Hodgson
Sandy
Brandon HODGSON
Brandon Lee HODGSON
HODGSON, Brandon Lee
Brandon
Bran
Smudge
SMUDGE
Poppy HODGSON
Poppy
Kirsty HODGSON
Kirsty
Hodgson
Gary WINTER
Mr Winter
Dylan MARSHALL
Marshall
Dee
D-Man
Tiny
Lacey-Mae T.
LIN Xiaoyu
LIN, Xiaoyu
Xiaoyu LIN
Xiaoyu
Sherry
Ms Lin
Ms LIN Xiaoyu
Xiaoyu (Sherry) LIN
林晓雨
Lín Xiǎoyǔ
Shao Yu
Oluwaseun ADEYEMI
Mr Oluwaseun ADEYEMI
Oluwaseun
Oluwasegun ADEYEMI
Mr Adeyemi
Seun
Bro. Oluwaseun ADEYEMI
ADEYEMI, Oluwaseun Babatunde
Mr Babatunde
Mr O. Babatunde
Joy
Joy ADEYEMI-LIN
Baby Girl LIN
林悦
Lín Yuè
Yueyue
Yue
LIN Yue
Ayọ̀mídé
Oluwadamilare
Joy Ayomide
LIN Jianguo
WANG Fang
Mrs WANG Fang
Mrs ZHOU Lihua
周丽华
Mrs Zhou
Auntie Zhou
Zhou Ayi
Mr Zhou
CHEN Guoqiang
Mr CHEN Guoqiang
Mr Chen
Kevin CHEN
Kevin
CHEN Hao
Chen Hao
Mr Zhang Wei
Mr Zhang
Lily
Mrs Folake ADEYEMI
Mrs Folake Adeyemi
Sister Bukola
Dr Kofi Mensah
Prof. Hilary Mountford
Prof. Mountford
Tom Bright
Rebecca
Rebecca Stoddart
Eleni KYRIACOU
Mrs Eleni KYRIACOU
Mrs Eleni Kyriacou
Mrs Kyriacou
Kyria Eleni
Eleni
Mrs Eleni KIRIAKOU
Mrs Kiriakou
Kyriacou
Ελένη Κυριάκου
Eleni mou
Helen
Andreas
Andreas KYRIACOU
Mr Andreas KYRIACOU
Andy
Mr Ionuț POPA
Mr Popa
BELL
KAUR
ELLIOTT
NICHOLSON
CHARLTON
Joanne RUTHERFORD
L. Scott
Daniel Foster
Aisha Rahman
Tom Ridley
Kyle Ord
Hannah Wilde
Dr Wei LIN
Dr Lin
Lorraine Mackay
Dr Fraser Dunn
Dr Priya Raman
Dr Raman
Dr Helen Pappas
Dr Ines Abbott
Dr Abbott
IA
Dr Gareth Pye
Dr N. Eze
Moira Heslop
Ceri Mostyn
Ceri M.
Mostyn
Janice Storey
Lucy Fairbairn
Adele Tait
Matthew Lowes
Lowes
Helen Baxter
Nadia Chowdhury
Chowdhury
Charlotte Prior
Rachel Kerr
K. Lim
J. Waugh
Mrs D. Armstrong
Mrs Denise Armstrong
Mr C. Burdon
Mr Craig Burdon
Mr Burdon
Miss A. Lister
Miss Amy Lister
Mrs Jackie Forster
Lauren Hindmarsh
Jamie Oxley
Jamie
Kieran Dodds
Philip Straughan
P. Straughan
Kerry Oates
Ana Luísa Barros
Ana Luísa
Megan Coulson
Megan
Steph Young
Ms Young
Ms Farah Siddiqui
Gemma Watts
Dawn Liddle
Fr Stylianos Georgiou
Pastor Femi Ogunleye
Pastor Marcos Ribeiro
Amy Tsang
Wilde
Charlton
Rutherford
Kaur
Dr Sarah Whitfield
Ms Orla Keane
Dr Sam Haldane
Ms Niamh Doherty
"""

PLACE = """
Esterburn
Wendgate
Wendside
Hartlaw
Elmbank
River Wend
Heron Court
Mallard Close
8 Mallard Close
no. 8
no. 41
Jubilee Terrace
41 Jubilee Terrace
22 Chandler's Wynd
Chandler's Wynd
Kiln Lane
Café Lemoni
Wendgate Bridge
Curlew Road
Hartlaw Rec
Rec
Pit Lamp
14 Coldwell Street
Coldwell Street
17 Larchfield Gardens
Larchfield Gardens
Alder House
5 Quarry Lane
Wendside Park
Wendside Campus
Wendside Campus Nursery
Wendside Maternity Unit
ERI
Royal
Puffin Ward
University of Esterburn
Bishop Oswin Academy
Bishop Oswin
Hollinbank School
Hollinbank
Hollin Lane
Hartlaw Primary
Esterburn College
The Forge
Hartlaw ABC
Wendside Student Health Centre
Hartlaw Lane Surgery
Birchwood House
Wendgate Family Centre
Bellwood Immigration Law
Bellwood
Harrowby Family Law
Wendhaven
Dominion Chapel
Igreja Batista Nova Esperança
Saints Constantine and Helen
Golden Harvest Oriental Supermarket
"""

IDENT = """
4093
6620
7713
2718
1046
8812
3120
4417
ZZ30 7HP
ZZ30 2LW
ZZ30 4QS
ZZ30 7HN
ZZ30 5EB
ZZ30 3WQ
Flat 6
Flat 3
Flat 12
Room 1
Room 3
Room 4
Rooms 1, 3 and 4
0191 498 0372
0191 498 0815
07700 900417
07700 900118
07700 900652
07700 900188
07700 900731
07700 900562
07700 900596
+55 31 98845-2170
+234 803 417 2290
CRM/24/118204
CRM/24/131577
CRM/25/021963
CRM/25/049112
CRM/25/087340
NP-241208-0092
NP-250327-1133
NP-250514-1877
NP-250610-0215
770213
Op BRAMBLE
418.276.935-09
FX903274
DR-448120
NK21 UFB
NK21UFB
QQ 41 27 83 D
QQ881204A
240881239
220473158
Benz Line
smudge.hl09
MX19 KTO
@ze.carlos.bh
@juju.fs13
sherry_xy0314
sherry.lin97@example.com
o.adeyemi24@example.ac.uk
2412080031
2502140987
2507030612
2507223301
2507223344
SR-24-11873
SR-25-01402
SR-25-06118
SR-25-06121
K4471028
K4471033
K2093317
K1188402
K0034719
999 849 0936
999 406 6218
999 708 3016
999 298 6581
999 160 3948
999 974 2440
999 481 2351
441920
13984752 7 ZY4
ZU4719283
ZX8163402
E4G8JX5R0T2W7K
E4G2M9Q7B5X1N3
E4G5TR81KM0P2D
HF-25-0317
S4F 8KT 2WM
W7K 3P9 2QX
GWF078812455
EK0923371
3434-0325-9181-4402
3434-0925-4471-0082
202206240117
BIL/LIN/0125
BIL/ADE/0625
EJ4827163
B01938475
A4418207/2
ESR/24/00774
PSH-25-0193
LIC/0041/25
W-1184
MC-25-019
25-CE-117408
14th March 1997
8th December 2024
9th April 2013
9th April
3 Feb 1971
6th January
30th July
11th October
"""

ORDINARY = """
PC
PS
DC
DS
PCSO
EMT
CCP
Paramedic
Midwife
Band 6
Paediatric Registrar
Safeguarding Midwife
ED Consultant
Paeds ST6
Stroke Registrar
GP Registrar ST3
GP Registrar
ANP
HV
Named Nurse Safeguarding
Named Nurse
MASH Social Worker
MASH
Social Worker
Team Manager
SW
IRO
Student Wellbeing Adviser
Student Wellbeing
International Student Adviser
Student Visa Compliance
DSL
DSLs
Class Teacher
Head of Year 7
Head of Year 8
Attendance & Welfare Officer
Exploitation Lead
YJS Case Manager
YJS
EHO
HMO Licensing Officer
HMO
Outreach Worker
MARAC Coordinator
MARAC
Solicitor
Caseworker
Private Fostering SW
Senior Practitioner
Parish Priest
Family Support Worker
Assessment SW
Adolescent Service
community paediatrician
Mental Health Adviser
Navigator
TM
TA
SALT
Educational Psychologist
DASH
MEDIUM
HIGH
NFA
PPN
Op Encompass
CCE
SGO
POCA
NEAS
BBA
APGAR
LMP
EBL
BP
HR
SpO2
GCS 15
LOC
Entonox
ED
FAST
AF
ECG
PMH
T2DM
amlodipine
metformin
CAT tourniquet
TXA
fentanyl
NSR
NHS 111
NHS
MRN
Mandarin
Ballard
Hb
Anti-D
Kleihauer
HIV
Hep B
NIPE
SCBU
Vitamin K
ICON
Lullaby Trust
EPDS
Canadian CT Head Rule
co-amoxiclav
CXR
IDVA
AXR
BMI
MCA
NIHSS
alteplase
apixaban
CT angiogram
PHQ-9
Microgynon
Fybogel
FBC
TFT
DNA
GAD-7
POP
desogestrel
MenB
6-in-1
Calpol
Talking Therapies
Perinatal Mental Health Team
Perinatal MH Team
Kooth
melatonin
sertraline
Sertraline
National Domestic Abuse Helpline
Citizens Advice
EUSS
Samaritans
116 123
COPD
FEV1
O2
Joy Division
Cow & Gate
Healthy Start
NRPF
Environmental Health
EH
Spring Festival
Deliveroo
WeChat
WeChat Moments
Baby Bank
pão de queijo
PANDAS Foundation
Mush
CSC
LanguageLine
congee
ASQ-3
Vitamin D
eVisa
eVisas
Graduate visa
Graduate route
Early Help Assessment
RAG
AMBER
Child Exploitation Screening Tool
ASB
MACE
Teams
Christmas
China Scholarship Council
RCCG
Trussell
ICPC
RCPC
CIN
CP
Cartão de Cidadão
Freedom Programme
Zoom
TikTok
Thomas the Tank Engine
Ring doorbell
Sur-Ron
Cafcass
PhD
MSc
MSc Data Science
Chemistry
Hardship Fund
Doctoral College
SMS
Students' Union
Chinese New Year
Immigration Enforcement
UKVI
Home Office
Student visa
Student visas
BRP
CAS
IHS
Chinese Embassy
Education Section
Consulate-General
Chinese Consulate-General
Security
Appendix Student
UKVCAS
PECS
Makaton
CPOMS
EHCP
Santos FC
Santos shirt
Audi A3
North Face
GCSE
GCSEs
Exploitation Hub
Mercedes
Instagram
Marta
English Language
Maths
Combined Science
Level 1 Construction
Greggs
Pot Noodle
Modern Slavery Act 2015
Modern Slavery Act
s45
Turnaround
Outcome 22
AssetPlus
HMP Durham
Newcastle Crown Court
Land Registry
HHSRS
Epiphany
Category 1
Category 2
Housing Act 2004
Improvement Notice
LD2
FD30S
Shelter
EICR
WhatsApp
Clare's Law
DVDS
Sanctuary Scheme
Non-molestation order
YPVA
Young People's Violence Advocate
C100
NMO
Silent Solution
RO
Yoruba
WorldRemit
DBS
LA
Reg 4
Reg 8
Sichuanese
hongbao
nainai
Theophany
Liturgy
Philoptochos
God
Christian
Festa Junina
Dragon Boat Festival
zongzi
Hong Kong
Brazil
Brazilian
Portuguese
Nigerian
Chinese
Romanian
Greek Cypriot
Greek
English
British
China
Nigeria
England
UK
Manchester
Scarborough
Middlesbrough
Chengdu
Sichuan
Ibadan
Oyo State
Belo Horizonte
Braga
Shanghai
Newcastle
North Yorkshire Police
s23 Misuse of Drugs Act 1971
s23 Misuse of Drugs Act
Misuse of Drugs Act
s17 PACE
s47 OAPA 1861
s165 RTA
s18
s17
s20
s47
PWITS
Class A
EU Settlement Scheme
ABH
CPS
ABE
RUI
NRM
NRM Reasonable Grounds
Reasonable Grounds
NRM Conclusive Grounds
Conclusive Grounds
MFH
RHI
Return Home Interview
Child Abduction Warning Notice
Building Better Relationships
Victim Care
Magistrates' Court
TOR
Mental Health Street Triage
Aptamil
avgolemono
Valentine's
Peppa Pig
Nokia
Nokia 105
iPhone
JD
Air Max
Pringles
Snapchat
Honda PCX
CCTV
Spar
Easter
Remembrance Sunday
Poppy Appeal
Saturday
Friday
Monday
Sundays
Tuesdays
Thursdays
Mondays
the bell
winter coat
joy
bright and smiley
not tiny at all
young mother
smudge of blood
DOB
CPF
NI
ID
UAN
CRM
Children's Services
Register Office
police station
bus station
GP
Moses basket
C&F
MH
PF
PND
Y4
Y5
Y7
Y8
Y9
Y10
Y11
BM
BMs
IM
IV
PO
Rh
Dx
MRC
T-shirt
OT/PT
ETE
Merit
Student Hub
0-19 Service
Fostering Team
Student dependant
pão
não
água
você
坐月子
对不起大家
Obrigada
Cat 1
Cat 2
café
Sanctuary works
PT/ES
University Student Wellbeing
Graduate
Compliance
Foundation

DA incident
DA incidents
DA outreach worker
serious DA
DA evidence
DA at home
DA, children present
"""

LOOKALIKES = ["5/7", "3/12", "2/52", "4/52", "6/10", "18/24", "24/7", "104/62", "98/60",
              "182/96", "164/92", "112/70", "154/90", "8th/9th", "25th centile"]


def lines(s):
    out = []
    for l in s.split('\n'):
        l = l.strip()
        if l and l not in out:
            out.append(l)
    return out


DATE_RES = [
    r'\d{4}-\d{2}-\d{2}',
    r'\d{1,2}/\d{1,2}/\d{2,4}',
    r'\d{1,2}\.\d{1,2}\.\d{2,4}',
    r'\d{1,2}/\d{1,2}',
]


def dates_in(s):
    """exact dates written in s (identifiers), excluding look-alikes"""
    found = []
    for rx in DATE_RES:
        for m in re.finditer(r'(?<![\w/.])' + rx + r'(?![\w/])', s):
            t = m.group()
            if t in LOOKALIKES:
                continue
            parts = re.split(r'[/.\-]', t)
            if len(parts[0]) == 4:
                d, mo = int(parts[2]), int(parts[1])
            else:
                d, mo = int(parts[0]), int(parts[1])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            # a trailing '.' is a full stop, not a third part
            found.append(t)
    return found


def all_keys(rows=None):
    keys = {}
    for kind, block in (('person', PERSON), ('place', PLACE), ('identifier', IDENT), ('ordinary', ORDINARY)):
        for t in lines(block):
            if t in keys and keys[t] != kind:
                raise SystemExit(f'{t!r} has two kinds: {keys[t]} and {kind}')
            keys[t] = kind
    for t in LOOKALIKES:
        keys.setdefault(t, 'ordinary')
    if rows:
        for a, t in rows.values():
            for d in dates_in(a + '\n' + t):
                if d in keys and keys[d] != 'identifier':
                    continue
                keys[d] = 'identifier'
    return keys
