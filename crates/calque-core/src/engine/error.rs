//! Why compiling rules into an engine can fail once every pack is valid:
//! an automaton that outgrows its limits.

/// An automaton of [`super::Engine::new`] could not be built.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BuildError {
    /// The Aho-Corasick automaton of the patterns' trigger literals.
    #[error("cannot build the pattern triggers: {0}")]
    Triggers(#[source] aho_corasick::BuildError),
    /// The automaton of the phrases that do not start at a word.
    #[error("cannot build the phrase automaton: {0}")]
    Phrases(#[source] aho_corasick::BuildError),
}
