//! Validating a `detector` rule: the name of a built-in detector (see
//! `engine::detect`), which finds its candidates and proposes its fixes.

use crate::engine::detect::Detector;
use crate::pack::FieldError;
use toml::Spanned;

/// The detector a `detector` rule names.
pub(super) fn validate(name: Spanned<String>) -> Result<Detector, FieldError> {
    Detector::named(name.get_ref()).ok_or_else(|| {
        (
            name.span(),
            format!(
                "unknown detector `{}` (built-in detectors: {})",
                name.get_ref(),
                Detector::NAMES
            ),
        )
    })
}
