//! Who the organisation is: its nation, sector and size. A leaf: the policy rules
//! depend on the nation, and the assessment ([`model`](super::model)) holds an
//! [`Organisation`].

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

id_list!(Nation: England = "england", Wales = "wales", Scotland = "scotland", NorthernIreland = "northern_ireland");

/// Number of people employed, in the bands employers recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeBand {
    #[serde(rename = "1-9")]
    Micro,
    #[serde(rename = "10-49")]
    Small,
    #[serde(rename = "50-249")]
    Medium,
    #[serde(rename = "250-999")]
    Large,
    #[serde(rename = "1000+")]
    VeryLarge,
}

id_list!(SizeBand: Micro = "1-9", Small = "10-49", Medium = "50-249", Large = "250-999", VeryLarge = "1000+");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Private,
    Public,
    Voluntary,
}

id_list!(Sector: Private = "private", Public = "public", Voluntary = "voluntary");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub sector: Sector,
    pub size: SizeBand,
    pub nation: Nation,
}
