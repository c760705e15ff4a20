"""Regenerate the interface translations: lupdate the sources, fill in Persian, lrelease.

    python scripts/update_translations.py

The Persian strings live here (FA); a string without one fails the translation test.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET  # our own generated file, never user input
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "annotator_fa.ts"
BIN = Path(sys.executable).parent

FA = {
    "&Open…": "&باز کردن…",
    "&Save": "&ذخیره",
    "Save &As…": "ذخیره &با نام…",
    "&Quit": "&خروج",
    "Delete span": "حذف برچسب",
    "Edit note": "ویرایش یادداشت",
    "Select sentence": "انتخاب جمله",
    "Snap to whole words": "انتخاب کامل واژه‌ها",
    "Zoom in": "بزرگ‌نمایی",
    "Zoom out": "کوچک‌نمایی",
    "Actual size": "اندازهٔ اصلی",
    "System": "سیستم",
    "Light": "روشن",
    "Dark": "تیره",
    "About annotator": "دربارهٔ annotator",
    "Note (N), Enter to keep:": "یادداشت (N)، با Enter ثبت می‌شود:",
    "&File": "&پرونده",
    "&Edit": "&ویرایش",
    "Tag as": "برچسب بزن",
    "&View": "&نما",
    "Language": "زبان",
    "Theme": "پوسته",
    "&Help": "&راهنما",
    "Cannot make a working copy of the sample in %1: %2": "نمی‌توان رونوشتی از نمونه در %1 ساخت: %2",
    "Open article": "باز کردن مقاله",
    "Articles and annotations (*.txt *.json);;All files (*)": "مقاله‌ها و برچسب‌ها (*.txt *.json);;همهٔ پرونده‌ها (*)",
    "Nothing to tag in the selection": "در بخش انتخاب‌شده چیزی برای برچسب زدن نیست",
    "Select some text first (drag, double-click or Shift+arrows)": "نخست بخشی از متن را انتخاب کنید (کشیدن، دوبار کلیک یا Shift و پیکان‌ها)",
    "Click a span or choose it in the list to delete it": "برای حذف، روی برچسب کلیک کنید یا آن را در فهرست برگزینید",
    "Cannot save %1: %2": "نمی‌توان %1 را ذخیره کرد: %2",
    "Cannot save %1: %2\nYour work is kept in memory; use Save As to save it elsewhere.": "نمی‌توان %1 را ذخیره کرد: %2\nکار شما در حافظه نگه داشته شده است؛ با «ذخیره با نام» آن را جای دیگری ذخیره کنید.",
    "Save annotations as": "ذخیرهٔ برچسب‌ها با نام",
    "Annotations (*.json)": "برچسب‌ها (*.json)",
    "Unsaved work": "کار ذخیره‌نشده",
    "Your annotations could not be saved:\n%1": "برچسب‌های شما ذخیره نشد:\n%1",
    "annotator %1\nAnnotate Persian news: actors, locations and claims.": "annotator %1\nبرچسب‌گذاری اخبار فارسی: کنشگرها، مکان‌ها و ادعاها.",
    "&Undo %1": "&واگرد %1",
    "&Redo %1": "&ازنو %1",
    "No article": "بدون مقاله",
    "new": "تازه",
    "in progress": "در حال انجام",
    "done": "انجام‌شده",
    "%1 spans · %2": "%1 برچسب · %2",
    "Add %1": "افزودن %1",
    "Tag %1 results": "برچسب زدن %1 نتیجه",
    "Delete %1": "حذف %1",
    "Relabel as %1": "تغییر برچسب به %1",
    "Set %1": "تنظیم %1",
    "Resize span": "تغییر اندازهٔ برچسب",
    "Add relation": "افزودن رابطه",
    "Delete relation": "حذف رابطه",
    "Change status": "تغییر وضعیت",
    "Label": "برچسب",
    "Text": "متن",
    "Note": "یادداشت",
    "Links": "پیوندها",
    "Relabel as": "تغییر برچسب به",
    "Filter by title": "پالایش بر پایهٔ عنوان",
    "Title": "عنوان",
    "Status": "وضعیت",
    "Spans": "بازه‌ها",
    "Panels": "پنل‌ها",
    "Date": "تاریخ",
    "&Project": "&پروژه",
    "Find in article…": "جست‌وجو در مقاله…",
    "Find in project…": "جست‌وجو در پروژه…",
    "New project…": "پروژهٔ تازه…",
    "Open project…": "باز کردن پروژه…",
    "Import articles…": "درون‌ریزی مقاله‌ها…",
    "Next document": "سند بعدی",
    "Previous document": "سند قبلی",
    "Next unfinished document": "سند ناتمام بعدی",
    "Mark done / not done": "علامت انجام‌شده / انجام‌نشده",
    "Statistics…": "آمار…",
    "Search": "جست‌وجو",
    "New project in folder": "پروژهٔ تازه در پوشه",
    "Open project": "باز کردن پروژه",
    "%1 spans added": "%1 برچسب افزوده شد",
    "No more documents that way": "سند دیگری در این سو نیست",
    "Every document is done": "همهٔ سندها انجام شده‌اند",
    "%1 of %2 documents done": "%1 از %2 سند انجام شده",
    "Import articles": "درون‌ریزی مقاله‌ها",
    "Articles (*.txt *.json *.jsonl *.csv *.html *.htm);;All files (*)": "مقاله‌ها (*.txt *.json *.jsonl *.csv *.html *.htm);;همهٔ پرونده‌ها (*)",
    "Importing…": "در حال درون‌ریزی…",
    "Cancel": "لغو",
    "Importing %1": "درون‌ریزی %1",
    "Import cancelled: the project is as it was.": "درون‌ریزی لغو شد: پروژه همان است که بود.",
    "documents": "سند",
    "new %1 · in progress %2 · done %3": "تازه %1 · در حال انجام %2 · انجام‌شده %3",
    "spans per label:": "برچسب‌ها بر پایهٔ نوع:",
    "per annotator:": "بر پایهٔ برچسب‌گذار:",
    "Project statistics": "آمار پروژه",
    "Documents": "سندها",
    "%1 results": "%1 نتیجه",
    "Search (ي=ی, ك=ک, digits, ZWNJ and diacritics ignored)": "جست‌وجو (ي=ی، ك=ک، رقم‌ها، نیم‌فاصله و اعراب یکسان)",
    "This article": "همین مقاله",
    "Whole project": "همهٔ پروژه",
    "Export annotations…": "برون‌بری برچسب‌ها…",
    "Spans that could not be placed (kept in the file):": "برچسب‌هایی که جایشان پیدا نشد (در پرونده نگه داشته شده‌اند):",
    "Project in use": "پروژه در حال استفاده است",
    "%1\n\nOpen it here anyway? The other window must then be closed without saving.": "%1\n\nبا این حال اینجا باز شود؟ پنجرهٔ دیگر باید بی‌ذخیره بسته شود.",
    "Your last edit could not be written to disk.": "آخرین ویرایش شما روی دیسک نوشته نشد.",
    "Export": "برون‌بری",
    "Format": "قالب",
    "Export to": "برون‌بری به",
    "Exporting…": "در حال برون‌بری…",
    "Articles and annotations (*.txt *.json *.jsonl *.csv *.html *.htm *.ann *.tsv *.conll);;All files (*)": "مقاله‌ها و برچسب‌ها (*.txt *.json *.jsonl *.csv *.html *.htm *.ann *.tsv *.conll);;همهٔ پرونده‌ها (*)",
    "Format (auto: by file name)": "قالب (خودکار: بر پایهٔ نام پرونده)",
    "Working without a lock: %1": "کار بدون قفل: %1",
    "Tagging…": "در حال برچسب زدن…",
    "Place an unplaced span at the selection…": "گذاشتن برچسبی بی‌جا روی متن انتخاب‌شده…",
    "Select the text the span belongs to first": "نخست متنی را که برچسب از آن است انتخاب کنید",
    "Place an unplaced span": "گذاشتن برچسب بی‌جا",
    "Span": "برچسب",
    "%1 spans added in %2 documents": "%1 برچسب در %2 سند افزوده شد",
    "Tag all results as": "برچسب زدن همهٔ نتیجه‌ها با",
    "%1\nThis window stopped editing the project; your edits until now are saved.": "%1\nاین پنجره ویرایش پروژه را متوقف کرد؛ ویرایش‌های شما تا این لحظه ذخیره شده‌اند.",
    "Compute again": "محاسبهٔ دوباره",
    "Computing the agreement…": "در حال محاسبهٔ توافق…",
    "Per label (α: Krippendorff's alpha)": "برای هر برچسب (α: آلفای کریپندورف)",
    "Per pair of coders (κ: Cohen's kappa)": "برای هر دو کدگذار (κ: کاپای کوهن)",
    "Documents, least agreed first (Enter opens one)": "سندها، از کم‌توافق‌ترین (Enter بازش می‌کند)",
    "Coders: %1 · %2 documents compared · %3 units (non-blank characters)": "کدگذاران: %1 · %2 سند مقایسه شد · %3 واحد (نویسهٔ غیرسفید)",
    "F1 exact": "F1 دقیق",
    "F1 overlap": "F1 هم‌پوشان",
    "overall": "کل",
    "label": "برچسب",
    "coders": "کدگذاران",
    "document": "سند",
    "relation": "رابطه",
    "text": "متن",
    "curated": "داوری‌شده",
    "edited": "ویرایش‌شده",
    "Fewer than two coders have annotated this document: nothing to compare.": "کمتر از دو کدگذار این سند را برچسب زده‌اند: چیزی برای مقایسه نیست.",
    "%1 agreed, %2 disagreements (%3 open)": "%1 توافق، %2 اختلاف (%3 باز)",
    "Accepted the version of %1": "نسخهٔ %1 پذیرفته شد",
    "Rejected: no span there": "رد شد: آنجا برچسبی نیست",
    "Curation": "داوری",
    "Up/Down: move · Space: next open disagreement · 1–9: accept that coder's version · Delete or R: reject · E or Enter: edit in the article (Ctrl+K: back here) · Ctrl+Z: undo": "بالا/پایین: جابه‌جایی · فاصله: اختلاف باز بعدی · ۱ تا ۹: پذیرفتن نسخهٔ آن کدگذار · Delete یا R: رد · E یا Enter: ویرایش در متن (Ctrl+K: بازگشت به اینجا) · Ctrl+Z: واگرد",
    "Your name…": "نام شما…",
    "Agreement…": "توافق کدگذاران…",
    "Synchronise (git)": "همگام‌سازی (git)",
    "Curate disagreements": "داوری اختلاف‌ها",
    "Go to the curation list": "رفتن به فهرست داوری",
    "Agreement": "توافق کدگذاران",
    "You are coding as %1": "اکنون با نام %1 کدگذاری می‌کنید",
    "Synchronising did not finish: %1": "همگام‌سازی تمام نشد: %1",
    "Synchronised with git:": "با git همگام شد:",
    "Accept the version of %1": "پذیرفتن نسخهٔ %1",
    "Reject": "رد",
    "curating as %1": "داوری با نام %1",
    "Type a name.": "نامی بنویسید.",
    "“%1” is reserved for annotator's own use.": "«%1» برای کار خود annotator کنار گذاشته شده است.",
    "Use at least one letter or digit.": "دست‌کم یک حرف یا رقم به کار ببرید.",
    "Your name": "نام شما",
    "Who is coding? Your name is written into every annotation file you make, and your work is kept in a folder of that name in each project.": "چه کسی کدگذاری می‌کند؟ نام شما در هر پروندهٔ برچسبی که می‌سازید نوشته می‌شود و کارتان در هر پروژه در پوشه‌ای به همین نام نگه داشته می‌شود.",
    "Your name for the annotations you make from now on. Files already written keep the name they have; another coder's files are never renamed.": "نام شما برای برچسب‌هایی که از این پس می‌زنید. پرونده‌های نوشته‌شده نام خود را نگه می‌دارند؛ پرونده‌های کدگذار دیگر هرگز تغییر نام نمی‌دهند.",
    "your work: %1 file(s) committed": "کار شما: %1 پرونده ثبت شد",
    "your work: nothing new to commit": "کار شما: چیز تازه‌ای برای ثبت نبود",
    "nothing new arrived": "چیز تازه‌ای نرسید",
    "%1 new document(s)": "%1 سند تازه",
    "%1 document(s) changed": "%1 سند تغییر کرد",
    "%1: %2 annotation file(s) new or changed": "%1: %2 پروندهٔ برچسب تازه یا تغییرکرده",
    "the project's labels or settings changed": "برچسب‌ها یا تنظیمات پروژه تغییر کرد",
    "sent": "فرستاده شد",
}


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in FA:
            translation.text = FA[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS)], check=True)
    for source in missing:
        print(f"no Persian for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
