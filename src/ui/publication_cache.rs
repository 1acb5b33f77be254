//! The publication of the open review, computed once per revision and
//! shared by every panel that shows or exports what will be published
//! (Report, Anonymisation, Map).

use std::cell::RefCell;
use std::sync::Arc;

use crate::analysis::language::Lexicon;
use crate::model::Review;
use crate::publication::Publication;
use crate::taxonomy::Taxonomy;

/// A publication and the revision it is of.
type AtRevision = ((u64, u64), Arc<Publication>);

/// The publication of one revision of the review.
#[derive(Default)]
pub struct PublicationCache {
    latest: RefCell<Option<AtRevision>>,
}

impl PublicationCache {
    /// The publication of `review` at `revision`: computed the first time
    /// a panel asks for this revision, then shared.
    pub fn get(
        &self,
        review: &Review,
        taxonomy: Option<&Taxonomy>,
        revision: (u64, u64),
    ) -> Arc<Publication> {
        let mut latest = self.latest.borrow_mut();
        if let Some((at, publication)) = latest.as_ref()
            && *at == revision
        {
            return Arc::clone(publication);
        }
        let publication = Arc::new(Publication::compute(
            review,
            Lexicon::shared(),
            taxonomy.cloned(),
        ));
        *latest = Some((revision, Arc::clone(&publication)));
        publication
    }
}
