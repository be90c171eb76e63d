//! The code every kind needs written once per kind, written by a macro
//! from the one list of kinds in `kinds/mod.rs`: the enums of a matcher as
//! written ([`super::RawMatcher`]) and as validated ([`super::Matcher`]),
//! the matcher keys, and the engine's set of compiled kinds. Everything
//! here only dispatches to the [`super::Kind`] of each variant.

/// `kinds! { /// doc  Variant(DefType) = module::KindType, ... }`
macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident($def:ty) = $kind:ty ),+ $(,)?) => {
        /// How a rule finds its candidates: one variant per kind, holding
        /// what its validation made of the pack's matcher.
        #[derive(Debug, Clone)]
        pub enum Matcher {
            $( $(#[$doc])* $variant($def), )+
        }

        /// A rule's matcher as the pack wrote it: one variant per kind.
        #[derive(Debug)]
        pub(crate) enum RawMatcher {
            $( $variant(<$kind as Kind>::Raw), )+
        }

        /// Every matcher key, in the order of the list of kinds.
        pub(crate) const KEYS: [&str; [$( stringify!($variant) ),+].len()] =
            [$( <$kind as Kind>::KEY ),+];

        impl RawMatcher {
            /// Reads the value of `KEYS[key]` from a rule table.
            pub(crate) fn read<'de, A: serde::de::MapAccess<'de>>(
                key: usize,
                map: &mut A,
            ) -> Result<RawMatcher, A::Error> {
                let mut at = 0;
                $(
                    if key == at {
                        return Ok(RawMatcher::$variant(map.next_value()?));
                    }
                    at += 1;
                )+
                unreachable!("{key} is not below {at}, the number of kinds")
            }

            /// The key the matcher was written under.
            pub(crate) fn key(&self) -> &'static str {
                match self {
                    $( RawMatcher::$variant(_) => <$kind as Kind>::KEY, )+
                }
            }

            /// Why the rule may not write `replace`, if its matcher gives the fixes.
            pub(crate) fn gives_its_fixes(&self) -> Option<&'static str> {
                match self {
                    $( RawMatcher::$variant(_) => <$kind as Kind>::GIVES_ITS_FIXES, )+
                }
            }

            /// Whether `prefer` belongs to the rule's kind.
            pub(crate) fn takes_prefer(&self) -> bool {
                match self {
                    $( RawMatcher::$variant(_) => <$kind as Kind>::TAKES_PREFER, )+
                }
            }

            /// The matcher validated, and the case mode of the kind.
            pub(crate) fn validate(
                self,
                rule: Validating,
            ) -> Result<(Matcher, CaseMode), FieldError> {
                Ok(match self {
                    $(
                        RawMatcher::$variant(raw) => (
                            Matcher::$variant(<$kind as Kind>::validate(raw, rule)?),
                            <$kind as Kind>::DEFAULT_CASE,
                        ),
                    )+
                })
            }
        }

        impl Matcher {
            /// The kind's name as `calque rules` and the JSON output show it.
            pub fn kind(&self) -> &'static str {
                match self {
                    $( Matcher::$variant(_) => <$kind as Kind>::NAME, )+
                }
            }

            /// Whether the rule compares a translation with its source.
            pub(crate) fn is_bilingual(&self) -> bool {
                match self {
                    $( Matcher::$variant(_) => <$kind as Kind>::BILINGUAL, )+
                }
            }

            /// Whether the rule's findings carry a fix, given its `replace`.
            pub(crate) fn has_fix(&self, replace: &[String]) -> bool {
                match self {
                    $( Matcher::$variant(def) => <$kind as Kind>::has_fix(def, replace), )+
                }
            }

            /// Checks one `replace` template against the matcher.
            pub(crate) fn check_replace(
                &self,
                template: &str,
                validation: Validation,
            ) -> Result<(), String> {
                match self {
                    $(
                        Matcher::$variant(def) => {
                            <$kind as Kind>::check_replace(def, template, validation)
                        }
                    )+
                }
            }

            /// Hands every regular expression of the matcher to `share`.
            pub(crate) fn share_patterns(&mut self, share: &mut dyn FnMut(&mut Pattern)) {
                match self {
                    $( Matcher::$variant(def) => <$kind as Kind>::share_patterns(def, share), )+
                }
            }
        }

        /// Every kind's rules, compiled: one field per kind.
        #[allow(non_snake_case)]
        #[derive(Debug, Clone)]
        pub(crate) struct CompiledKinds {
            $( $variant: <$kind as Kind>::Compiled, )+
        }

        impl CompiledKinds {
            /// Compiles each kind's rules, kind after kind in the order of
            /// the list; `phrases` collects what the kinds search as phrases.
            #[allow(unused_assignments)]
            pub(crate) fn new(
                matchers: Vec<(RuleId, Matcher)>,
                rules: &RuleTable,
                phrases: &mut PhraseSink,
            ) -> Result<CompiledKinds, BuildError> {
                #[allow(non_snake_case)]
                struct ByKind {
                    $( $variant: Vec<(RuleId, <$kind as Kind>::Def)>, )+
                }
                let mut by_kind = ByKind {
                    $( $variant: Vec::new(), )+
                };
                for (id, matcher) in matchers {
                    match matcher {
                        $( Matcher::$variant(def) => by_kind.$variant.push((id, def)), )+
                    }
                }
                let mut kind = 0;
                Ok(CompiledKinds {
                    $(
                        $variant: {
                            phrases.kind = kind;
                            kind += 1;
                            <$kind as Kind>::compile(by_kind.$variant, rules, phrases)?
                        },
                    )+
                })
            }

            /// Every compiled kind, in the order of the list (the order the
            /// phrase owners of [`PhraseSink`] number them).
            pub(crate) fn all(&self) -> [&dyn Search; KEYS.len()] {
                [$( &self.$variant ),+]
            }
        }
    };
}
