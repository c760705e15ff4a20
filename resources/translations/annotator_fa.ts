<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="112" />
        <source>Compute again</source>
        <translation>محاسبهٔ دوباره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="113" />
        <source>Per label (α: Krippendorff's alpha)</source>
        <translation>برای هر برچسب (α: آلفای کریپندورف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="114" />
        <source>Per pair of coders (κ: Cohen's kappa)</source>
        <translation>برای هر دو کدگذار (κ: کاپای کوهن)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="115" />
        <source>Documents, least agreed first (Enter opens one)</source>
        <translation>سندها، از کم‌توافق‌ترین (Enter بازش می‌کند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="128" />
        <source>Coders: %1 · %2 documents compared · %3 units (non-blank characters)</source>
        <translation>کدگذاران: %1 · %2 سند مقایسه شد · %3 واحد (نویسهٔ غیرسفید)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="133" />
        <source>F1 exact</source>
        <translation>F1 دقیق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="133" />
        <source>F1 overlap</source>
        <translation>F1 هم‌پوشان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="137" />
        <source>overall</source>
        <translation>کل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="141" />
        <location filename="../../annotator/ui/agreement_view.py" line="147" />
        <source>label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="147" />
        <source>coders</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="154" />
        <source>document</source>
        <translation>سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="164" />
        <source>Computing the agreement…</source>
        <translation>در حال محاسبهٔ توافق…</translation>
    </message>
</context>
<context>
    <name>ClaimsController</name>
    <message>
        <location filename="../../annotator/ui/claims.py" line="345" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    </context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="77" />
        <source>Whole project</source>
        <translation>همهٔ پروژه</translation>
    </message>
    </context>
<context>
    <name>CurationSession</name>
    <message>
        <location filename="../../annotator/ui/curation.py" line="179" />
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="179" />
        <source>curated</source>
        <translation>داوری‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="207" />
        <source>edited</source>
        <translation>ویرایش‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="253" />
        <source>Fewer than two coders have annotated this document: nothing to compare.</source>
        <translation>کمتر از دو کدگذار این سند را برچسب زده‌اند: چیزی برای مقایسه نیست.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="256" />
        <source>%1 agreed, %2 disagreements (%3 open)</source>
        <translation>%1 توافق، %2 اختلاف (%3 باز)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="276" />
        <source>Accepted the version of %1</source>
        <translation>نسخهٔ %1 پذیرفته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="287" />
        <source>Rejected: no span there</source>
        <translation>رد شد: آنجا برچسبی نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="319" />
        <source>Curation</source>
        <translation>داوری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="322" />
        <source>Up/Down: move · Space: next open disagreement · 1–9: accept that coder's version · Delete or R: reject · E or Enter: edit in the article (Ctrl+K: back here) · Ctrl+Z: undo</source>
        <translation>بالا/پایین: جابه‌جایی · فاصله: اختلاف باز بعدی · ۱ تا ۹: پذیرفتن نسخهٔ آن کدگذار · Delete یا R: رد · E یا Enter: ویرایش در متن (Ctrl+K: بازگشت به اینجا) · Ctrl+Z: واگرد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="177" />
        <source>Filter by title</source>
        <translation>پالایش بر پایهٔ عنوان</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="61" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="62" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="63" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="94" />
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="95" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="96" />
        <source>Spans</source>
        <translation>بازه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="97" />
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="256" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="270" />
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="273" />
        <source>Tag as</source>
        <translation>برچسب بزن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="284" />
        <source>&amp;Project</source>
        <translation>&amp;پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="297" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="300" />
        <source>Panels</source>
        <translation>پنل‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="303" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="305" />
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="307" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="343" />
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="344" />
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="345" />
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="346" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="347" />
        <source>Delete span</source>
        <translation>حذف برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="350" />
        <source>Select sentence</source>
        <translation>انتخاب جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="351" />
        <source>Place an unplaced span at the selection…</source>
        <translation>گذاشتن برچسبی بی‌جا روی متن انتخاب‌شده…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="352" />
        <source>Snap to whole words</source>
        <translation>انتخاب کامل واژه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="353" />
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="354" />
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="355" />
        <source>Actual size</source>
        <translation>اندازهٔ اصلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="358" />
        <source>System</source>
        <translation>سیستم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="359" />
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="360" />
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="362" />
        <source>Your name…</source>
        <translation>نام شما…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="363" />
        <source>Agreement…</source>
        <translation>توافق کدگذاران…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="364" />
        <source>Synchronise (git)</source>
        <translation>همگام‌سازی (git)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="365" />
        <source>Curate disagreements</source>
        <translation>داوری اختلاف‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="366" />
        <source>Go to the curation list</source>
        <translation>رفتن به فهرست داوری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="368" />
        <location filename="../../annotator/ui/main_window.py" line="668" />
        <source>Agreement</source>
        <translation>توافق کدگذاران</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="372" />
        <source>Find in article…</source>
        <translation>جست‌وجو در مقاله…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="373" />
        <source>Find in project…</source>
        <translation>جست‌وجو در پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="374" />
        <source>New project…</source>
        <translation>پروژهٔ تازه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="375" />
        <source>Open project…</source>
        <translation>باز کردن پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="376" />
        <source>Import articles…</source>
        <translation>درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="377" />
        <source>Next document</source>
        <translation>سند بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="378" />
        <source>Previous document</source>
        <translation>سند قبلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="379" />
        <source>Next unfinished document</source>
        <translation>سند ناتمام بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="380" />
        <source>Mark done / not done</source>
        <translation>علامت انجام‌شده / انجام‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="381" />
        <source>Statistics…</source>
        <translation>آمار…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="382" />
        <source>Export annotations…</source>
        <translation>برون‌بری برچسب‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="387" />
        <source>Note (N), Enter to keep:</source>
        <translation>یادداشت (N)، با Enter ثبت می‌شود:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="388" />
        <source>Spans</source>
        <translation>بازه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="435" />
        <source>You are coding as %1</source>
        <translation>اکنون با نام %1 کدگذاری می‌کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="456" />
        <source>Cannot make a working copy of the sample in %1: %2</source>
        <translation>نمی‌توان رونوشتی از نمونه در %1 ساخت: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="499" />
        <source>Spans that could not be placed (kept in the file):</source>
        <translation>برچسب‌هایی که جایشان پیدا نشد (در پرونده نگه داشته شده‌اند):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="526" />
        <source>Working without a lock: %1</source>
        <translation>کار بدون قفل: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="615" />
        <source>Synchronising did not finish: %1</source>
        <translation>همگام‌سازی تمام نشد: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="617" />
        <source>Synchronised with git:</source>
        <translation>با git همگام شد:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="626" />
        <source>your work: %1 file(s) committed</source>
        <translation>کار شما: %1 پرونده ثبت شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="628" />
        <source>your work: nothing new to commit</source>
        <translation>کار شما: چیز تازه‌ای برای ثبت نبود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="632" />
        <source>nothing new arrived</source>
        <translation>چیز تازه‌ای نرسید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="634" />
        <source>%1 new document(s)</source>
        <translation>%1 سند تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="636" />
        <source>%1 document(s) changed</source>
        <translation>%1 سند تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="638" />
        <source>%1: %2 annotation file(s) new or changed</source>
        <translation>%1: %2 پروندهٔ برچسب تازه یا تغییرکرده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="641" />
        <source>the project's labels or settings changed</source>
        <translation>برچسب‌ها یا تنظیمات پروژه تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="643" />
        <source>sent</source>
        <translation>فرستاده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="680" />
        <source>Project in use</source>
        <translation>پروژه در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="681" />
        <source>%1

Open it here anyway? The other window must then be closed without saving.</source>
        <translation>%1

با این حال اینجا باز شود؟ پنجرهٔ دیگر باید بی‌ذخیره بسته شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="688" />
        <source>New project in folder</source>
        <translation>پروژهٔ تازه در پوشه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="700" />
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="769" />
        <source>Open article</source>
        <translation>باز کردن مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="771" />
        <source>Articles and annotations (*.txt *.json);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌ها (*.txt *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="787" />
        <source>Nothing to tag in the selection</source>
        <translation>در بخش انتخاب‌شده چیزی برای برچسب زدن نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="794" />
        <source>Select some text first (drag, double-click or Shift+arrows)</source>
        <translation>نخست بخشی از متن را انتخاب کنید (کشیدن، دوبار کلیک یا Shift و پیکان‌ها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="806" />
        <source>Click a span or choose it in the list to delete it</source>
        <translation>برای حذف، روی برچسب کلیک کنید یا آن را در فهرست برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="829" />
        <source>Select the text the span belongs to first</source>
        <translation>نخست متنی را که برچسب از آن است انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="834" />
        <source>Place an unplaced span</source>
        <translation>گذاشتن برچسب بی‌جا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="834" />
        <source>Span</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="913" />
        <source>Your last edit could not be written to disk.</source>
        <translation>آخرین ویرایش شما روی دیسک نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="936" />
        <source>Cannot save %1: %2
Your work is kept in memory; use Save As to save it elsewhere.</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2
کار شما در حافظه نگه داشته شده است؛ با «ذخیره با نام» آن را جای دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="959" />
        <source>Save annotations as</source>
        <translation>ذخیرهٔ برچسب‌ها با نام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="961" />
        <source>Annotations (*.json)</source>
        <translation>برچسب‌ها (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="973" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="984" />
        <source>Unsaved work</source>
        <translation>کار ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="985" />
        <source>Your annotations could not be saved:
%1</source>
        <translation>برچسب‌های شما ذخیره نشد:
%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1078" />
        <source>Accept the version of %1</source>
        <translation>پذیرفتن نسخهٔ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1079" />
        <source>Reject</source>
        <translation>رد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="361" />
        <location filename="../../annotator/ui/main_window.py" line="1023" />
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1024" />
        <source>annotator %1
Annotate Persian news: actors, locations and claims.</source>
        <translation>annotator %1
برچسب‌گذاری اخبار فارسی: کنشگرها، مکان‌ها و ادعاها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1039" />
        <source>&amp;Undo %1</source>
        <translation>&amp;واگرد %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1040" />
        <source>&amp;Redo %1</source>
        <translation>&amp;ازنو %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1042" />
        <source>No article</source>
        <translation>بدون مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1045" />
        <source>curating as %1</source>
        <translation>داوری با نام %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1050" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1051" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1052" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1054" />
        <source>%1 spans · %2</source>
        <translation>%1 برچسب · %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1068" />
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1069" />
        <source>Tag %1 results</source>
        <translation>برچسب زدن %1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1070" />
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1071" />
        <source>Relabel as %1</source>
        <translation>تغییر برچسب به %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="349" />
        <location filename="../../annotator/ui/main_window.py" line="1072" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1073" />
        <source>Set %1</source>
        <translation>تنظیم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1074" />
        <source>Resize span</source>
        <translation>تغییر اندازهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1075" />
        <source>Add relation</source>
        <translation>افزودن رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1076" />
        <source>Delete relation</source>
        <translation>حذف رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1077" />
        <source>Change status</source>
        <translation>تغییر وضعیت</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../annotator/ui/identity.py" line="36" />
        <source>Type a name.</source>
        <translation>نامی بنویسید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="38" />
        <source>“%1” is reserved for annotator's own use.</source>
        <translation>«%1» برای کار خود annotator کنار گذاشته شده است.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="40" />
        <source>Use at least one letter or digit.</source>
        <translation>دست‌کم یک حرف یا رقم به کار ببرید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="50" />
        <source>Your name</source>
        <translation>نام شما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="53" />
        <source>Who is coding? Your name is written into every annotation file you make, and your work is kept in a folder of that name in each project.</source>
        <translation>چه کسی کدگذاری می‌کند؟ نام شما در هر پروندهٔ برچسبی که می‌سازید نوشته می‌شود و کارتان در هر پروژه در پوشه‌ای به همین نام نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="56" />
        <source>Your name for the annotations you make from now on. Files already written keep the name they have; another coder's files are never renamed.</source>
        <translation>نام شما برای برچسب‌هایی که از این پس می‌زنید. پرونده‌های نوشته‌شده نام خود را نگه می‌دارند؛ پرونده‌های کدگذار دیگر هرگز تغییر نام نمی‌دهند.</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="187" />
        <source>No more documents that way</source>
        <translation>سند دیگری در این سو نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="187" />
        <source>Every document is done</source>
        <translation>همهٔ سندها انجام شده‌اند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="202" />
        <source>%1 of %2 documents done</source>
        <translation>%1 از %2 سند انجام شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="212" />
        <location filename="../../annotator/ui/project_session.py" line="298" />
        <source>Import articles</source>
        <translation>درون‌ریزی مقاله‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="215" />
        <source>Articles and annotations (*.txt *.json *.jsonl *.csv *.html *.htm *.ann *.tsv *.conll);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌ها (*.txt *.json *.jsonl *.csv *.html *.htm *.ann *.tsv *.conll);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="224" />
        <source>Importing…</source>
        <translation>در حال درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="304" />
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="132" />
        <source>Tagging…</source>
        <translation>در حال برچسب زدن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="228" />
        <source>Importing %1</source>
        <translation>درون‌ریزی %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="239" />
        <source>Import cancelled: the project is as it was.</source>
        <translation>درون‌ریزی لغو شد: پروژه همان است که بود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="252" />
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="252" />
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="259" />
        <source>Export to</source>
        <translation>برون‌بری به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="275" />
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="298" />
        <source>Format (auto: by file name)</source>
        <translation>قالب (خودکار: بر پایهٔ نام پرونده)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="314" />
        <source>documents</source>
        <translation>سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="315" />
        <source>new %1 · in progress %2 · done %3</source>
        <translation>تازه %1 · در حال انجام %2 · انجام‌شده %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="319" />
        <source>spans per label:</source>
        <translation>برچسب‌ها بر پایهٔ نوع:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="321" />
        <source>per annotator:</source>
        <translation>بر پایهٔ برچسب‌گذار:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="329" />
        <source>Project statistics</source>
        <translation>آمار پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="340" />
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="366" />
        <source>%1
This window stopped editing the project; your edits until now are saved.</source>
        <translation>%1
این پنجره ویرایش پروژه را متوقف کرد؛ ویرایش‌های شما تا این لحظه ذخیره شده‌اند.</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="225" />
        <source>%1 spans added in %2 documents</source>
        <translation>%1 برچسب در %2 سند افزوده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="234" />
        <source>%1 spans added</source>
        <translation>%1 برچسب افزوده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="237" />
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="125" />
        <source>%1 results</source>
        <translation>%1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="142" />
        <source>Search (ي=ی, ك=ک, digits, ZWNJ and diacritics ignored)</source>
        <translation>جست‌وجو (ي=ی، ك=ک، رقم‌ها، نیم‌فاصله و اعراب یکسان)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="145" />
        <source>This article</source>
        <translation>همین مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="145" />
        <source>Whole project</source>
        <translation>همهٔ پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="147" />
        <source>Tag all results as</source>
        <translation>برچسب زدن همهٔ نتیجه‌ها با</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="22" />
        <source>Relabel as</source>
        <translation>تغییر برچسب به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="27" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="45" />
        <source>Delete span</source>
        <translation>حذف برچسب</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="140" />
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="141" />
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="142" />
        <source>Links</source>
        <translation>پیوندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="143" />
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
</TS>