//! Display names of the model's enums, for the choice fields of the forms.

use crate::model::{
    AgencyKind, Answer, Appraisal, CausationModel, DiagramKind, FindingAsks, FindingTag, Influence,
    Method, PersonKind, PlaceKind, Polarity, ReviewStage, ReviewType, SystemLevel,
};

/// What a finding may ask of the partnership.
pub const FINDING_ASKS: &[(FindingAsks, &str)] = &[
    (FindingAsks::Questions, "Questions to consider"),
    (FindingAsks::Recommendations, "Recommendations"),
    (FindingAsks::Both, "Questions and recommendations"),
];

/// Kinds of review.
pub const REVIEW_TYPES: &[(ReviewType, &str)] = &[
    (
        ReviewType::LocalPracticeReview,
        "Local child safeguarding practice review",
    ),
    (ReviewType::SeriousCaseReview, "Serious case review"),
    (ReviewType::RapidReview, "Rapid review"),
    (ReviewType::NationalReview, "National review"),
    (ReviewType::LearningReview, "Learning review"),
    (ReviewType::TrainingExample, "Training example"),
];

/// Review methods.
pub const METHODS: &[(Method, &str)] = &[
    (Method::LearningTogether, "Learning Together (SCIE)"),
    (Method::Silp, "Significant Incident Learning Process"),
    (Method::Hybrid, "Hybrid of systems methods"),
    (Method::Other, "Other"),
];

/// Causation models.
pub const CAUSATION_MODELS: &[(CausationModel, &str)] = &[
    (
        CausationModel::LearningTogether,
        "Learning Together contributory factors",
    ),
    (CausationModel::SwissCheese, "Reason's Swiss cheese model"),
    (CausationModel::AcciMap, "AcciMap"),
    (CausationModel::Hfacs, "HFACS"),
    (CausationModel::Cast, "CAST (STAMP)"),
];

/// Review stages.
pub const STAGES: &[(ReviewStage, &str)] = &[
    (ReviewStage::Preparation, "Preparation"),
    (ReviewStage::DataCollection, "Data collection"),
    (ReviewStage::Analysis, "Analysis"),
    (ReviewStage::Findings, "Findings"),
    (ReviewStage::Drafting, "Drafting"),
    (ReviewStage::QualityAssurance, "Quality assurance"),
    (ReviewStage::Published, "Published"),
];

/// A person's part in the case.
pub const PERSON_KINDS: &[(PersonKind, &str)] = &[
    (PersonKind::SubjectChild, "Subject child"),
    (PersonKind::Sibling, "Sibling"),
    (PersonKind::Parent, "Parent"),
    (PersonKind::Carer, "Carer"),
    (PersonKind::Partner, "Parent's partner"),
    (PersonKind::Relative, "Relative"),
    (PersonKind::Practitioner, "Practitioner"),
    (PersonKind::Manager, "Manager or supervisor"),
    (PersonKind::Other, "Other"),
];

/// Kinds of agency.
pub const AGENCY_KINDS: &[(AgencyKind, &str)] = &[
    (AgencyKind::ChildrensSocialCare, "Children's social care"),
    (AgencyKind::Police, "Police"),
    (AgencyKind::HealthVisiting, "Health visiting"),
    (AgencyKind::Midwifery, "Midwifery"),
    (AgencyKind::GeneralPractice, "General practice"),
    (AgencyKind::Hospital, "Hospital"),
    (AgencyKind::Camhs, "CAMHS"),
    (AgencyKind::AdultMentalHealth, "Adult mental health"),
    (AgencyKind::SubstanceMisuse, "Substance misuse"),
    (AgencyKind::Education, "Education"),
    (AgencyKind::EarlyYears, "Early years"),
    (AgencyKind::Probation, "Probation"),
    (AgencyKind::Housing, "Housing"),
    (AgencyKind::Voluntary, "Voluntary sector"),
    (AgencyKind::AdultSocialCare, "Adult social care"),
    (AgencyKind::Ambulance, "Ambulance"),
    (AgencyKind::YouthJustice, "Youth justice"),
    (AgencyKind::Dental, "Dental"),
    (AgencyKind::DomesticAbuse, "Domestic abuse service"),
    (AgencyKind::Religious, "Faith group"),
    (AgencyKind::Other, "Other"),
];

/// Kinds of place.
pub const PLACE_KINDS: &[(PlaceKind, &str)] = &[
    (PlaceKind::Home, "Home"),
    (PlaceKind::School, "School"),
    (PlaceKind::Nursery, "Nursery or children's centre"),
    (PlaceKind::Hospital, "Hospital"),
    (PlaceKind::Clinic, "GP practice or clinic"),
    (PlaceKind::Other, "Other"),
];

/// Yes, no, not known.
pub const ANSWERS: &[(Answer, &str)] = &[
    (Answer::Yes, "Yes"),
    (Answer::No, "No"),
    (Answer::NotKnown, "Not known"),
];

/// Appraisals of practice.
pub const APPRAISALS: &[(Appraisal, &str)] = &[
    (Appraisal::NotAppraised, "Not yet appraised"),
    (Appraisal::Good, "Good practice"),
    (Appraisal::Problematic, "Problematic practice"),
    (Appraisal::Mixed, "Mixed"),
];

/// A factor's influence on practice.
pub const INFLUENCES: &[(Influence, &str)] = &[
    (
        Influence::MadeProblemsMoreLikely,
        "Made problematic practice more likely",
    ),
    (Influence::SupportedGoodPractice, "Supported good practice"),
];

/// Levels of the system for latent conditions.
pub fn system_levels() -> Vec<(SystemLevel, &'static str)> {
    SystemLevel::ALL.iter().map(|l| (*l, l.label())).collect()
}

/// Tags of findings.
pub const FINDING_TAGS: &[(FindingTag, &str)] = &[
    (FindingTag::Untagged, "Untagged"),
    (FindingTag::Learning, "Learning"),
    (FindingTag::Blame, "Blame"),
];

/// Polarities of causal links.
pub const POLARITIES: &[(Polarity, &str)] = &[
    (Polarity::Same, "S: same direction"),
    (Polarity::Opposite, "O: opposite direction"),
];

/// Kinds of diagram.
pub const DIAGRAM_KINDS: &[(DiagramKind, &str)] = &[
    (DiagramKind::CaseMap, "Case map"),
    (DiagramKind::CausalLoop, "Causal loop diagram"),
];
