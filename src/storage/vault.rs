//! The lock's cryptography, with the browser's own WebCrypto (no Rust crypto in the bundle):
//! the key is derived from her passcode with PBKDF2-SHA-256 and the stored random salt, and each
//! write is AES-GCM with a fresh random IV. The stored text is `sealed.rs`'s.

use super::sealed::{Contents, Envelope, Unsealed, ITERATIONS, IV_LEN, SALT_LEN};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why locking or unlocking did not work.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LockFault {
    /// WebCrypto is missing (an old browser, or a page not served securely).
    #[error("This browser cannot lock your progress here (it does not offer the encryption the lock needs on this page). Nothing was changed.")]
    Unavailable,
    /// The passcode does not open the record.
    #[error("That passcode did not unlock your progress. Check it and try again.")]
    WrongPasscode,
    /// The locked record is damaged or from a newer version; it is left as it is.
    #[error("Your locked progress could not be read: {0}. It was left on this device untouched.")]
    Unreadable(Unsealed),
    /// The browser refused a cryptographic step for another reason.
    #[error("The browser could not finish locking or unlocking ({0}). Nothing saved was changed.")]
    Failed(String),
}

/// The key to an open lock, held in memory only while unlocked.
#[derive(Clone)]
pub struct Unlocked {
    key: CryptoKey,
    salt: Vec<u8>,
    iterations: u32,
}

fn crypto() -> Result<(web_sys::Crypto, SubtleCrypto), LockFault> {
    let window = web_sys::window().ok_or(LockFault::Unavailable)?;
    let crypto = window.crypto().map_err(|_| LockFault::Unavailable)?;
    // `crypto.subtle` is undefined on pages that are not served securely.
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .ok_or(LockFault::Unavailable)?;
    Ok((crypto, subtle.unchecked_into()))
}

/// Whether the lock can work in this browser, on this page.
pub fn available() -> bool {
    crypto().is_ok()
}

fn random(n: usize) -> Result<Vec<u8>, LockFault> {
    let (crypto, _) = crypto()?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(failed)?;
    Ok(bytes)
}

fn failed(e: JsValue) -> LockFault {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_else(|| "unknown error".into());
    LockFault::Failed(name)
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

async fn derive(passcode: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, LockFault> {
    let (_, subtle) = crypto()?;
    let raw = Uint8Array::from(passcode.as_bytes());
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveKey"));
    let base = wait(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages))
        .await
        .map_err(failed)?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = js_sys::Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = wait(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &aes,
        false,
        &usages,
    ))
    .await
    .map_err(failed)?;
    Ok(key.unchecked_into())
}

/// A new lock for `passcode`, with a fresh random salt.
pub async fn create(passcode: &str) -> Result<Unlocked, LockFault> {
    let salt = random(SALT_LEN)?;
    let key = derive(passcode, &salt, ITERATIONS).await?;
    Ok(Unlocked {
        key,
        salt,
        iterations: ITERATIONS,
    })
}

/// Encrypts `contents` with a fresh IV, as the text to store.
pub async fn seal(lock: &Unlocked, contents: &Contents) -> Result<String, LockFault> {
    let (_, subtle) = crypto()?;
    let iv = random(IV_LEN)?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv.as_slice()));
    let plain = Uint8Array::from(contents.to_plaintext().as_slice());
    let sealed = wait(subtle.encrypt_with_object_and_js_u8_array(&params, &lock.key, &plain))
        .await
        .map_err(failed)?;
    Ok(Envelope {
        iterations: lock.iterations,
        salt: lock.salt.clone(),
        iv,
        ciphertext: Uint8Array::new(&sealed).to_vec(),
    }
    .to_text())
}

/// Opens a stored locked record with `passcode`: the key (to keep writing with), what it held,
/// and any record inside that could not be read.
pub async fn open(
    passcode: &str,
    stored: &str,
) -> Result<(Unlocked, Contents, Vec<String>), LockFault> {
    let envelope = Envelope::parse(stored).map_err(LockFault::Unreadable)?;
    let key = derive(passcode, &envelope.salt, envelope.iterations).await?;
    let lock = Unlocked {
        key,
        salt: envelope.salt.clone(),
        iterations: envelope.iterations,
    };
    let plain = decrypt(&lock, &envelope).await?;
    let (contents, problems) = Contents::from_plaintext(&plain).map_err(LockFault::Unreadable)?;
    Ok((lock, contents, problems))
}

/// Opens a stored record with a key already held (after another tab wrote it).
pub async fn reopen(lock: &Unlocked, stored: &str) -> Result<Contents, LockFault> {
    let envelope = Envelope::parse(stored).map_err(LockFault::Unreadable)?;
    if envelope.salt != lock.salt {
        return Err(LockFault::WrongPasscode);
    }
    let plain = decrypt(lock, &envelope).await?;
    Contents::from_plaintext(&plain)
        .map(|(c, _)| c)
        .map_err(LockFault::Unreadable)
}

async fn decrypt(lock: &Unlocked, envelope: &Envelope) -> Result<Vec<u8>, LockFault> {
    let (_, subtle) = crypto()?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(envelope.iv.as_slice()));
    let data = Uint8Array::from(envelope.ciphertext.as_slice());
    // A wrong key (wrong passcode) and altered ciphertext both fail AES-GCM's check.
    let plain = wait(subtle.decrypt_with_object_and_js_u8_array(&params, &lock.key, &data))
        .await
        .map_err(|e| match failed(e) {
            LockFault::Failed(name) if name == "OperationError" => LockFault::WrongPasscode,
            other => other,
        })?;
    Ok(Uint8Array::new(&plain).to_vec())
}
