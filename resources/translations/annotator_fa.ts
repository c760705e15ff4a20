<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
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
        <location filename="../../annotator/ui/main_window.py" line="229" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="239" />
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="242" />
        <source>Tag as</source>
        <translation>برچسب بزن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="250" />
        <source>&amp;Project</source>
        <translation>&amp;پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="255" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="258" />
        <source>Panels</source>
        <translation>پنل‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="261" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="263" />
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="265" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="301" />
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="302" />
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="303" />
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="304" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="305" />
        <source>Delete span</source>
        <translation>حذف برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="308" />
        <source>Select sentence</source>
        <translation>انتخاب جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="309" />
        <source>Place an unplaced span at the selection…</source>
        <translation>گذاشتن برچسبی بی‌جا روی متن انتخاب‌شده…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="310" />
        <source>Snap to whole words</source>
        <translation>انتخاب کامل واژه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="311" />
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="312" />
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="313" />
        <source>Actual size</source>
        <translation>اندازهٔ اصلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="316" />
        <source>System</source>
        <translation>سیستم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="317" />
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="318" />
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="320" />
        <source>Find in article…</source>
        <translation>جست‌وجو در مقاله…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="321" />
        <source>Find in project…</source>
        <translation>جست‌وجو در پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="322" />
        <source>New project…</source>
        <translation>پروژهٔ تازه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="323" />
        <source>Open project…</source>
        <translation>باز کردن پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="324" />
        <source>Import articles…</source>
        <translation>درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="325" />
        <source>Next document</source>
        <translation>سند بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="326" />
        <source>Previous document</source>
        <translation>سند قبلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="327" />
        <source>Next unfinished document</source>
        <translation>سند ناتمام بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="328" />
        <source>Mark done / not done</source>
        <translation>علامت انجام‌شده / انجام‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="329" />
        <source>Statistics…</source>
        <translation>آمار…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="330" />
        <source>Export annotations…</source>
        <translation>برون‌بری برچسب‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="334" />
        <source>Note (N), Enter to keep:</source>
        <translation>یادداشت (N)، با Enter ثبت می‌شود:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="335" />
        <source>Spans</source>
        <translation>بازه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="362" />
        <source>Cannot make a working copy of the sample in %1: %2</source>
        <translation>نمی‌توان رونوشتی از نمونه در %1 ساخت: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="392" />
        <source>Spans that could not be placed (kept in the file):</source>
        <translation>برچسب‌هایی که جایشان پیدا نشد (در پرونده نگه داشته شده‌اند):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="419" />
        <source>Working without a lock: %1</source>
        <translation>کار بدون قفل: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="439" />
        <source>Project in use</source>
        <translation>پروژه در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="440" />
        <source>%1

Open it here anyway? The other window must then be closed without saving.</source>
        <translation>%1

با این حال اینجا باز شود؟ پنجرهٔ دیگر باید بی‌ذخیره بسته شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="447" />
        <source>New project in folder</source>
        <translation>پروژهٔ تازه در پوشه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="459" />
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="519" />
        <source>Open article</source>
        <translation>باز کردن مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="521" />
        <source>Articles and annotations (*.txt *.json);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌ها (*.txt *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="537" />
        <source>Nothing to tag in the selection</source>
        <translation>در بخش انتخاب‌شده چیزی برای برچسب زدن نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="544" />
        <source>Select some text first (drag, double-click or Shift+arrows)</source>
        <translation>نخست بخشی از متن را انتخاب کنید (کشیدن، دوبار کلیک یا Shift و پیکان‌ها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="556" />
        <source>Click a span or choose it in the list to delete it</source>
        <translation>برای حذف، روی برچسب کلیک کنید یا آن را در فهرست برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="579" />
        <source>Select the text the span belongs to first</source>
        <translation>نخست متنی را که برچسب از آن است انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="584" />
        <source>Place an unplaced span</source>
        <translation>گذاشتن برچسب بی‌جا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="584" />
        <source>Span</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="648" />
        <source>Your last edit could not be written to disk.</source>
        <translation>آخرین ویرایش شما روی دیسک نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="671" />
        <source>Cannot save %1: %2
Your work is kept in memory; use Save As to save it elsewhere.</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2
کار شما در حافظه نگه داشته شده است؛ با «ذخیره با نام» آن را جای دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="694" />
        <source>Save annotations as</source>
        <translation>ذخیرهٔ برچسب‌ها با نام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="696" />
        <source>Annotations (*.json)</source>
        <translation>برچسب‌ها (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="708" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="719" />
        <source>Unsaved work</source>
        <translation>کار ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="720" />
        <source>Your annotations could not be saved:
%1</source>
        <translation>برچسب‌های شما ذخیره نشد:
%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="319" />
        <location filename="../../annotator/ui/main_window.py" line="758" />
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="759" />
        <source>annotator %1
Annotate Persian news: actors, locations and claims.</source>
        <translation>annotator %1
برچسب‌گذاری اخبار فارسی: کنشگرها، مکان‌ها و ادعاها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="771" />
        <source>&amp;Undo %1</source>
        <translation>&amp;واگرد %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="772" />
        <source>&amp;Redo %1</source>
        <translation>&amp;ازنو %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="774" />
        <source>No article</source>
        <translation>بدون مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="779" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="780" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="781" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="783" />
        <source>%1 spans · %2</source>
        <translation>%1 برچسب · %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="797" />
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="798" />
        <source>Tag %1 results</source>
        <translation>برچسب زدن %1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="799" />
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="800" />
        <source>Relabel as %1</source>
        <translation>تغییر برچسب به %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="307" />
        <location filename="../../annotator/ui/main_window.py" line="801" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="802" />
        <source>Set %1</source>
        <translation>تنظیم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="803" />
        <source>Resize span</source>
        <translation>تغییر اندازهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="804" />
        <source>Add relation</source>
        <translation>افزودن رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="805" />
        <source>Delete relation</source>
        <translation>حذف رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="806" />
        <source>Change status</source>
        <translation>تغییر وضعیت</translation>
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
        <location filename="../../annotator/ui/project_session.py" line="289" />
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
        <location filename="../../annotator/ui/project_session.py" line="295" />
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
        <location filename="../../annotator/ui/project_session.py" line="234" />
        <source>Import cancelled: the project is as it was.</source>
        <translation>درون‌ریزی لغو شد: پروژه همان است که بود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="246" />
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="246" />
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="251" />
        <source>Export to</source>
        <translation>برون‌بری به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="266" />
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="289" />
        <source>Format (auto: by file name)</source>
        <translation>قالب (خودکار: بر پایهٔ نام پرونده)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="305" />
        <source>documents</source>
        <translation>سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="306" />
        <source>new %1 · in progress %2 · done %3</source>
        <translation>تازه %1 · در حال انجام %2 · انجام‌شده %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="310" />
        <source>spans per label:</source>
        <translation>برچسب‌ها بر پایهٔ نوع:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="312" />
        <source>per annotator:</source>
        <translation>بر پایهٔ برچسب‌گذار:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="320" />
        <source>Project statistics</source>
        <translation>آمار پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="331" />
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="357" />
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