//! Byte offsets into UTF-8 text turned into character offsets, which is
//! what Python's `str` indexes by.

/// Character offsets of `byte_offsets` (each on a character boundary of
/// `text`), in one walk over the text however many offsets there are.
pub fn char_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_unstable_by_key(|&i| byte_offsets[i]);
    let mut result = vec![0; byte_offsets.len()];
    let (mut byte, mut chars) = (0, 0);
    for i in order {
        let target = byte_offsets[i];
        chars += text[byte..target].chars().count();
        byte = target;
        result[i] = chars;
    }
    result
}
