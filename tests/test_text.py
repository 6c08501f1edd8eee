"""Decoding report input and splitting it into sentences."""

from __future__ import annotations

import pytest

from geoconflict.errors import InputError
from geoconflict.text import MAX_INPUT_CHARS, decode_input, html_to_text, looks_like_html, split_sentences


def test_utf8_with_bom_and_crlf_becomes_plain_text():
    assert decode_input("\ufeffKabul\r\nKandahar\rParis".encode("utf-8")) == "Kabul\nKandahar\nParis"
    assert decode_input("\ufeffKhān Yūnis") == "Khān Yūnis"


def test_non_utf8_bytes_name_the_offset_and_the_fix():
    data = "Strikes near Bogotá".encode("cp1252")
    with pytest.raises(InputError) as err:
        decode_input(data)
    message = str(err.value)
    assert f"byte offset {data.index(0xE1)}" in message
    assert "UTF-8" in message and "iconv" in message


def test_utf16_is_refused_with_a_hint():
    with pytest.raises(InputError, match="UTF-16"):
        decode_input("Kabul".encode("utf-16"))


def test_wrong_type_is_a_typed_error():
    with pytest.raises(InputError):
        decode_input(42)  # type: ignore[arg-type]


def test_html_is_converted_scripts_dropped_paragraphs_kept():
    html = (
        "<!DOCTYPE html><html><head><title>Rafah</title><style>p{color:red}</style></head>"
        "<body><h1>Strikes</h1><p>Air strikes hit <b>Rafah</b>&nbsp;on Sunday.</p>"
        "<script>var x = 'Kabul';</script><p>Tanks moved to Khan Younis.</p></body></html>"
    )
    text = decode_input(html.encode())
    assert "Kabul" not in text and "color" not in text and "<" not in text
    assert "Air strikes hit Rafah on Sunday." in text
    assert "\n\nTanks moved to Khan Younis." in text


def test_prose_with_angle_brackets_is_not_html():
    text = "Casualties were < 10 and <p> appears once."
    assert not looks_like_html(text)
    assert decode_input(text) == text


def test_html_entities_are_unescaped():
    assert html_to_text("<p>Al &amp; Co &lt;x&gt;</p><p>b</p>") == "Al & Co <x>\n\nb"


def test_oversized_input_names_the_limit(monkeypatch):
    import geoconflict.text as text_module

    monkeypatch.setattr(text_module, "MAX_INPUT_CHARS", 100)
    with pytest.raises(InputError, match="limit of 100"):
        text_module.decode_input(b"x" * 101)
    with pytest.raises(InputError, match="MAX_INPUT_CHARS"):
        text_module.decode_input("x" * 101)


def test_ten_megabyte_report_is_refused_quickly_with_the_limit():
    data = b"Fighting continued in El Fasher. " * (10_000_000 // 33 + 1)
    assert len(data) > MAX_INPUT_CHARS
    with pytest.raises(InputError) as err:
        decode_input(data)
    assert f"{MAX_INPUT_CHARS:,}" in str(err.value) and "--jsonl" in str(err.value)


def test_largest_accepted_input_splits_with_exact_offsets():
    para = "Fighting continued in El Fasher on Tuesday. Dr. Ali said 3.5 km of road was cut.\n\n"
    repeats = MAX_INPUT_CHARS // len(para)
    text = decode_input((para * repeats).encode())
    sentences = split_sentences(text)
    assert len(sentences) == 2 * repeats
    last = sentences[-1]
    assert text[last.start : last.end] == last.text == "Dr. Ali said 3.5 km of road was cut."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gen. Dar met Dr. Khan. They left.", ["Gen. Dar met Dr. Khan.", "They left."]),
        ("The U.S. condemned it. Russia did not.", ["The U.S. condemned it.", "Russia did not."]),
        ("It was 3.5 km away. Then 12.75 miles.", ["It was 3.5 km away.", "Then 12.75 miles."]),
        ("St. Petersburg is calm! Is Kyiv?", ["St. Petersburg is calm!", "Is Kyiv?"]),
        ("“We will respond,” he said. Officials agreed.", ["“We will respond,” he said.", "Officials agreed."]),
        ("Headline without stop\n\nBody starts here.", ["Headline without stop", "Body starts here."]),
        ("J. Smith arrived. He spoke.", ["J. Smith arrived.", "He spoke."]),
    ],
)
def test_sentences_are_abbreviation_aware(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_offsets_index_the_text():
    text = "  First one.   Second, with Gen. X.\n\nThird?  "
    sentences = split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == [s.text for s in sentences]
    assert sentences[0].start == 2 and not sentences[-1].text.endswith(" ")


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []
