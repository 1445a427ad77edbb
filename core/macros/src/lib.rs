//! `#[probation_macros::fields]`: writes the conventional serde and uniffi attributes of a model type's fields,
//! inferred from each field's type, so that a new optional field is one doc comment and one line
//! (docs/bindings.md, "Adding a field").
//!
//! Placed above the derives of a struct, or of an enum with struct variants, it adds to every named field that
//! carries no `#[serde(...)]` attribute of its own:
//!
//! | field type | added |
//! | --- | --- |
//! | `Option<NaiveDate>` | `#[serde(default, deserialize_with = "crate::model::date::de_opt", skip_serializing_if = "Option::is_none")]` |
//! | `Option<T>` | `#[serde(default, skip_serializing_if = "Option::is_none")]` |
//! | `Vec<T>` | `#[serde(default, skip_serializing_if = "Vec::is_empty")]` |
//! | `BTreeMap<K, V>` | `#[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "crate::model::unique_map::deserialize")]` |
//! | `bool` | `#[serde(default, skip_serializing_if = "std::ops::Not::not")]` |
//! | `NaiveDate` | `#[serde(deserialize_with = "crate::model::date::de")]` |
//! | anything else | nothing (a required field) |
//!
//! and, when the type derives `uniffi::Record` or `uniffi::Enum` (directly or through `cfg_attr`), a field that
//! carries no uniffi attribute of its own gets `#[cfg_attr(feature = "uniffi", uniffi(default))]` if it is
//! defaulted by serde (inferred above, or an explicit `#[serde(default ...)]`) and its type is `Option`, `Vec`, a
//! map, `bool`, a number or `String`. Any other type (an enum, a record) never gets it: an enum-typed field must
//! say its default itself.
//!
//! A field whose attributes are explicit is left as written: give it its own `#[serde(...)]` (or uniffi
//! attribute), or mark it `#[fields(keep)]` to have nothing added at all (e.g. a `Vec` that is required). The
//! macro expands to the same item with the attributes written out, so serde, schemars and uniffi see exactly
//! what they would see written by hand.

use proc_macro::TokenStream;
use proc_macro2::{Ident, TokenStream as TokenStream2, TokenTree};
use quote::quote;
use syn::{
    Attribute, Data, DeriveInput, Field, Fields, GenericArgument, PathArguments, Type,
    parse_macro_input, parse_quote,
};

/// Adds the conventional serde and uniffi attributes to the fields of the struct or enum below it (see the crate
/// documentation for the table). Takes no arguments.
#[proc_macro_attribute]
pub fn fields(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = TokenStream2::from(args);
    let mut input = parse_macro_input!(item as DeriveInput);
    if !args.is_empty() {
        return syn::Error::new_spanned(args, "`fields` takes no arguments")
            .to_compile_error()
            .into();
    }
    let uniffi = input.attrs.iter().any(derives_uniffi);
    let result = match &mut input.data {
        Data::Struct(s) => expand_fields(&mut s.fields, uniffi),
        Data::Enum(e) => e
            .variants
            .iter_mut()
            .try_for_each(|v| expand_fields(&mut v.fields, uniffi)),
        Data::Union(u) => Err(syn::Error::new(
            u.union_token.span,
            "`fields` applies to structs and enums",
        )),
    };
    match result {
        Ok(()) => quote!(#input).into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand_fields(fields: &mut Fields, uniffi: bool) -> syn::Result<()> {
    if let Fields::Named(named) = fields {
        for field in &mut named.named {
            expand_field(field, uniffi)?;
        }
    }
    Ok(())
}

fn expand_field(field: &mut Field, uniffi: bool) -> syn::Result<()> {
    let mut keep = false;
    let mut kept = Vec::with_capacity(field.attrs.len());
    for attr in field.attrs.drain(..) {
        if attr.path().is_ident("fields") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("keep") {
                    keep = true;
                    Ok(())
                } else {
                    Err(meta.error("expected `#[fields(keep)]`"))
                }
            })?;
        } else {
            kept.push(attr);
        }
    }
    field.attrs = kept;
    if keep {
        return Ok(());
    }
    let kind = Kind::of(&field.ty);
    let explicit_serde: Vec<&Attribute> = field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .collect();
    let defaulted = if explicit_serde.is_empty() {
        if let Some(attr) = kind.serde() {
            field.attrs.push(attr);
        }
        kind.defaulted()
    } else {
        explicit_serde.iter().any(|a| mentions(a, "default"))
    };
    let explicit_uniffi = field.attrs.iter().any(|a| mentions(a, "uniffi"));
    if uniffi && defaulted && kind.uniffi_default() && !explicit_uniffi {
        field
            .attrs
            .push(parse_quote!(#[cfg_attr(feature = "uniffi", uniffi(default))]));
    }
    Ok(())
}

/// What the macro knows of a field's type: the last segment of its path, and of its first type argument.
enum Kind {
    OptionDate,
    Option,
    Vec,
    Map,
    Bool,
    Date,
    /// Numbers and `String`: a uniffi default exists, serde's default is opt-in.
    Scalar,
    Other,
}

impl Kind {
    fn of(ty: &Type) -> Kind {
        let Some((name, arg)) = last_segment(ty) else {
            return Kind::Other;
        };
        match name.to_string().as_str() {
            "Option" => match arg.as_ref().and_then(last_segment) {
                Some((inner, _)) if inner == "NaiveDate" => Kind::OptionDate,
                _ => Kind::Option,
            },
            "Vec" => Kind::Vec,
            "BTreeMap" | "HashMap" => Kind::Map,
            "bool" => Kind::Bool,
            "NaiveDate" => Kind::Date,
            "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64"
            | "String" => Kind::Scalar,
            _ => Kind::Other,
        }
    }

    fn serde(&self) -> Option<Attribute> {
        Some(match self {
            Kind::OptionDate => parse_quote!(#[serde(
                default,
                deserialize_with = "crate::model::date::de_opt",
                skip_serializing_if = "Option::is_none"
            )]),
            Kind::Option => {
                parse_quote!(#[serde(default, skip_serializing_if = "Option::is_none")])
            }
            Kind::Vec => parse_quote!(#[serde(default, skip_serializing_if = "Vec::is_empty")]),
            Kind::Map => parse_quote!(#[serde(
                default,
                skip_serializing_if = "BTreeMap::is_empty",
                deserialize_with = "crate::model::unique_map::deserialize"
            )]),
            Kind::Bool => {
                parse_quote!(#[serde(default, skip_serializing_if = "std::ops::Not::not")])
            }
            Kind::Date => parse_quote!(#[serde(deserialize_with = "crate::model::date::de")]),
            Kind::Scalar | Kind::Other => return None,
        })
    }

    /// Whether the inferred serde attribute makes the field optional on the wire.
    fn defaulted(&self) -> bool {
        matches!(
            self,
            Kind::OptionDate | Kind::Option | Kind::Vec | Kind::Map | Kind::Bool
        )
    }

    /// Whether uniffi has a default for the type (`uniffi(default)` without a value).
    fn uniffi_default(&self) -> bool {
        !matches!(self, Kind::Date | Kind::Other)
    }
}

fn last_segment(ty: &Type) -> Option<(Ident, Option<Type>)> {
    let Type::Path(path) = ty else {
        return None;
    };
    let segment = path.path.segments.last()?;
    let arg = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        }),
        _ => None,
    };
    Some((segment.ident.clone(), arg))
}

/// Whether the attribute's tokens contain the identifier `word` anywhere (`serde(default, ...)`,
/// `cfg_attr(feature = "uniffi", uniffi(...))`).
fn mentions(attr: &Attribute, word: &str) -> bool {
    let tokens = match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => return false,
    };
    attr.path().is_ident(word) || contains_ident(tokens, word)
}

fn contains_ident(tokens: TokenStream2, word: &str) -> bool {
    tokens.into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == word,
        TokenTree::Group(g) => contains_ident(g.stream(), word),
        _ => false,
    })
}

/// Whether the type derives `uniffi::Record` or `uniffi::Enum`, directly or through `cfg_attr`.
fn derives_uniffi(attr: &Attribute) -> bool {
    if !(attr.path().is_ident("derive") || attr.path().is_ident("cfg_attr")) {
        return false;
    }
    let syn::Meta::List(list) = &attr.meta else {
        return false;
    };
    let flat = list.tokens.to_string().replace(' ', "");
    flat.contains("uniffi::Record") || flat.contains("uniffi::Enum")
}
