//! Which agency an agency column's value is. Agencies write their own
//! name in many ways across one chronology ("CSC", "CSC - MASH",
//! "Cindleford Children's Services"; "Agnes Pellow Hospital - ED" and
//! "Agnes Pellow Hospital - Puffin Ward"; "Pharmacy" and "Hartshorn
//! Pharmacy"): taken as that many agencies, a published report would list
//! "Children's social care 2, 3, 4" and "Agency 1 … 24". The import takes
//! a value as an agency it already has when the two are surely one
//! organisation, and says so, so the reviewer can split them again.

use crate::model::{Agency, AgencyKind, Id};

use crate::agency_kind::{agency_class, is_agency_type, words};

/// True for kinds an area has one of: two names of such a kind in one
/// chronology are one agency ("Anvil Vale Police" and "Police").
fn one_per_area(kind: AgencyKind) -> bool {
    matches!(
        kind,
        AgencyKind::ChildrensSocialCare
            | AgencyKind::Police
            | AgencyKind::AdultSocialCare
            | AgencyKind::YouthJustice
            | AgencyKind::Ambulance
            | AgencyKind::Probation
            | AgencyKind::HealthVisiting
            | AgencyKind::Midwifery
            | AgencyKind::Camhs
            | AgencyKind::AdultMentalHealth
            | AgencyKind::SubstanceMisuse
    )
}

/// The organisation a name names, without the team or ward after a dash
/// or in brackets ("Agnes Pellow Hospital" of "Agnes Pellow Hospital -
/// Puffin Ward"), lower case.
fn organisation(name: &str) -> String {
    let cut = [" - ", " – ", " — ", " (", ": "]
        .iter()
        .filter_map(|sep| name.find(sep))
        .min()
        .unwrap_or(name.len());
    name[..cut]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The team or ward of a name, after a dash or in brackets ("ed" of
/// "Agnes Pellow Hospital - ED", "pru" of "Slatemill Centre (PRU)"),
/// lower case; empty when it names none.
fn team(name: &str) -> String {
    let after = [" - ", " – ", " — ", " ("]
        .iter()
        .filter_map(|sep| name.find(sep).map(|at| &name[at + sep.len()..]))
        .next()
        .unwrap_or("");
    after
        .trim_end_matches(')')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// True when one name is the other's first words ("Bethel Overcomers" of
/// "Bethel Overcomers Pentecostal Church"), two words at least, neither
/// only a type.
fn begins_the_other(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 2 && long.starts_with(&short) && !is_agency_type(&short.join(" "))
}

/// Why a value was taken as an agency already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameAgency {
    /// The same organisation, another team or ward ("CSC - MASH").
    Organisation,
    /// Its name begins the other's, or the other's begins it.
    Shortened,
    /// It is the team or ward the other's name gives.
    Team,
    /// An area has one agency of the kind ("Police").
    OnePerArea,
    /// A type ("Pharmacy") and the one agency of that type.
    TypeOfTheOnly,
}

impl SameAgency {
    /// Why, in a sentence's words.
    pub fn describe(self) -> &'static str {
        match self {
            SameAgency::Organisation => "the same organisation",
            SameAgency::Shortened => "a shortened name",
            SameAgency::Team => "its team, as the agency's name gives it",
            SameAgency::OnePerArea => "an area has one agency of this kind",
            SameAgency::TypeOfTheOnly => "the only agency of this type",
        }
    }
}

/// An agency's name and aliases.
fn names(agency: &Agency) -> impl Iterator<Item = &String> {
    std::iter::once(&agency.name).chain(&agency.aliases)
}

/// The agency among `agencies` that an agency column's `value` surely
/// is, with why; `None` when it is a new agency.
pub fn same_agency(agencies: &[Agency], value: &str) -> Option<(Id, SameAgency)> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let class = agency_class(value);
    // One organisation, another team: "Agnes Pellow Hospital - ED".
    let org = organisation(value);
    if !org.is_empty() {
        let found = agencies
            .iter()
            .find(|a| agency_class(&a.name) == class && names(a).any(|n| organisation(n) == org));
        if let Some(a) = found {
            return Some((a.id.clone(), SameAgency::Organisation));
        }
    }
    // "Bethel Overcomers" and "Bethel Overcomers Pentecostal Church".
    let found = agencies.iter().find(|a| {
        let other = agency_class(&a.name);
        (other == class || other.base.is_none() || class.base.is_none())
            && names(a).any(|n| begins_the_other(n, value))
    });
    if let Some(a) = found {
        return Some((a.id.clone(), SameAgency::Shortened));
    }
    let type_only = is_agency_type(value);
    // "PRU" where one agency is "Slatemill Centre (PRU)", "SALT" where one
    // is "… NHS Trust - SALT".
    let lower = value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut teams = agencies
        .iter()
        .filter(|a| names(a).any(|n| team(n) == lower));
    if let (Some(only), None) = (teams.next(), teams.next()) {
        return Some((only.id.clone(), SameAgency::Team));
    }
    // A name that says nothing of its kind ("Wrenfield Lodge") is new.
    class.base?;
    let mut of_class = agencies.iter().filter(|a| agency_class(&a.name) == class);
    let only = match (of_class.next(), of_class.next()) {
        (Some(only), None) => only,
        _ => return None,
    };
    if one_per_area(class.kind) {
        Some((only.id.clone(), SameAgency::OnePerArea))
    } else if type_only {
        Some((only.id.clone(), SameAgency::TypeOfTheOnly))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency_kind::agency_kind_from_text;

    fn agencies(names: &[&str]) -> Vec<Agency> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Agency {
                id: Id::from(format!("A{}", i + 1).as_str()),
                name: name.to_string(),
                kind: agency_kind_from_text(name),
                ..Default::default()
            })
            .collect()
    }

    fn same(have: &[&str], value: &str) -> Option<String> {
        same_agency(&agencies(have), value).map(|(id, _)| id.to_string())
    }

    #[test]
    fn names_of_one_organisation_are_one_agency() {
        let have = [
            "Agnes Pellow Hospital - ED",
            "Cindleford Children's Services",
            "Anvil Vale Police",
            "Hartshorn Pharmacy",
            "Bethel Overcomers Pentecostal Church",
            "Children's Therapies - OT",
            "Lingua Bridge Interpreting",
        ];
        for (value, agency) in [
            ("Agnes Pellow Hospital - Puffin Ward", "A1"),
            ("CSC - MASH", "A2"),
            ("CSC", "A2"),
            ("Children's social care", "A2"),
            ("Police", "A3"),
            ("Anvil Vale Police - Exploitation Hub", "A3"),
            ("Pharmacy", "A4"),
            ("Bethel Overcomers", "A5"),
            ("Church", "A5"),
            ("Children's Therapies - Physio", "A6"),
            ("Interpreting service", "A7"),
            ("OT", "A6"),
        ] {
            assert_eq!(same(&have, value).as_deref(), Some(agency), "{value}");
        }
    }

    #[test]
    fn other_organisations_stay_apart() {
        let have = [
            "Agnes Pellow Hospital - ED",
            "Quillfield Academy",
            "Fernhollow School",
            "Tanhouse Lane Surgery",
            "Cindleford City Council - Housing",
        ];
        for value in [
            // Another hospital, another school, another surgery.
            "Cindleford Children's Hospital - Paediatric Neurology",
            "Hollin Primary School",
            "Brook Street Surgery",
            // A type of which there are two.
            "School",
            // The same council, another kind of service.
            "Cindleford City Council - Adult Social Care",
            // Nothing alike.
            "Wrenfield Lodge",
            "",
        ] {
            assert_eq!(same(&have, value), None, "{value}");
        }
        assert_eq!(same(&have, "GP").as_deref(), Some("A4"));
    }

    #[test]
    fn services_without_a_kind_have_a_generic_name() {
        for (name, base) in [
            ("Hartshorn Pharmacy", Some("Pharmacy")),
            ("Lingua Bridge Interpreting", Some("Interpreting service")),
            ("SALT", Some("Therapy service")),
            ("Wheelchair Service", Some("Therapy service")),
            ("Short breaks", Some("Short breaks service")),
            ("Community Paediatrics", Some("Community health service")),
            ("Neurology", Some("Paediatric service")),
            ("Cindleford Carers Centre", Some("Carers' service")),
            ("Wrenfield Lodge", None),
            // A kind's word inside another service's name.
            ("Environmental Health", Some("Environmental health service")),
            (
                "Education Welfare Service",
                Some("Education welfare service"),
            ),
            ("EWS", Some("Education welfare service")),
            ("Scarthwell Citizens Advice", Some("Advice service")),
            (
                "Adult Mental Health Team",
                Some("Adult mental health service"),
            ),
            // Kinds keep their own names.
            ("Anvil Vale Police", Some("Police")),
        ] {
            assert_eq!(agency_class(name).base, base, "{name}");
        }
    }
}
