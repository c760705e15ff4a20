<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="149" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153" />
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="156" />
        <source>Tag as</source>
        <translation>برچسب بزن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="161" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="164" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="166" />
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="168" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="206" />
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="207" />
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="208" />
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="209" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="210" />
        <location filename="../../annotator/ui/main_window.py" line="395" />
        <source>Delete span</source>
        <translation>حذف برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="213" />
        <source>Select sentence</source>
        <translation>انتخاب جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="214" />
        <source>Snap to whole words</source>
        <translation>انتخاب کامل واژه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="215" />
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="216" />
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="217" />
        <source>Actual size</source>
        <translation>اندازهٔ اصلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="220" />
        <source>System</source>
        <translation>سیستم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="221" />
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="222" />
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="224" />
        <source>Note (N), Enter to keep:</source>
        <translation>یادداشت (N)، با Enter ثبت می‌شود:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="251" />
        <source>Cannot make a working copy of the sample in %1: %2</source>
        <translation>نمی‌توان رونوشتی از نمونه در %1 ساخت: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="320" />
        <source>Open article</source>
        <translation>باز کردن مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="322" />
        <source>Articles and annotations (*.txt *.json);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌ها (*.txt *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="338" />
        <source>Nothing to tag in the selection</source>
        <translation>در بخش انتخاب‌شده چیزی برای برچسب زدن نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="345" />
        <source>Select some text first (drag, double-click or Shift+arrows)</source>
        <translation>نخست بخشی از متن را انتخاب کنید (کشیدن، دوبار کلیک یا Shift و پیکان‌ها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="357" />
        <source>Click a span or choose it in the list to delete it</source>
        <translation>برای حذف، روی برچسب کلیک کنید یا آن را در فهرست برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="370" />
        <source>Relabel as</source>
        <translation>تغییر برچسب به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="488" />
        <source>Cannot save %1: %2
Your work is kept in memory; use Save As to save it elsewhere.</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2
کار شما در حافظه نگه داشته شده است؛ با «ذخیره با نام» آن را جای دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="502" />
        <source>Save annotations as</source>
        <translation>ذخیرهٔ برچسب‌ها با نام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="504" />
        <source>Annotations (*.json)</source>
        <translation>برچسب‌ها (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="516" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="527" />
        <source>Unsaved work</source>
        <translation>کار ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="528" />
        <source>Your annotations could not be saved:
%1</source>
        <translation>برچسب‌های شما ذخیره نشد:
%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="223" />
        <location filename="../../annotator/ui/main_window.py" line="566" />
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="567" />
        <source>annotator %1
Annotate Persian news: actors, locations and claims.</source>
        <translation>annotator %1
برچسب‌گذاری اخبار فارسی: کنشگرها، مکان‌ها و ادعاها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="581" />
        <source>&amp;Undo %1</source>
        <translation>&amp;واگرد %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="582" />
        <source>&amp;Redo %1</source>
        <translation>&amp;ازنو %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="584" />
        <source>No article</source>
        <translation>بدون مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="589" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="590" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="591" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="594" />
        <source>%1 spans · %2</source>
        <translation>%1 برچسب · %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="607" />
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="608" />
        <source>Tag %1 results</source>
        <translation>برچسب زدن %1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="609" />
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="610" />
        <source>Relabel as %1</source>
        <translation>تغییر برچسب به %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="212" />
        <location filename="../../annotator/ui/main_window.py" line="375" />
        <location filename="../../annotator/ui/main_window.py" line="611" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="612" />
        <source>Set %1</source>
        <translation>تنظیم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="613" />
        <source>Resize span</source>
        <translation>تغییر اندازهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="614" />
        <source>Add relation</source>
        <translation>افزودن رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="615" />
        <source>Delete relation</source>
        <translation>حذف رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="616" />
        <source>Change status</source>
        <translation>تغییر وضعیت</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="131" />
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="132" />
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="133" />
        <source>Links</source>
        <translation>پیوندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="134" />
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
</TS>