<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="248" />
        <source>Per label (α)</source>
        <translation>برای هر برچسب (α)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="248" />
        <source>Per pair (κ)</source>
        <translation>برای هر دو کدگذار (κ)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="248" />
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="276" />
        <source>Compute again</source>
        <translation>محاسبهٔ دوباره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="277" />
        <source>Per label (α: Krippendorff's alpha)</source>
        <translation>برای هر برچسب (α: آلفای کریپندورف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="278" />
        <source>Per pair of coders (κ: Cohen's kappa)</source>
        <translation>برای هر دو کدگذار (κ: کاپای کوهن)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="279" />
        <source>Documents, least agreed first (Enter opens one)</source>
        <translation>سندها، از کم‌توافق‌ترین (Enter بازش می‌کند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="308" />
        <source>Coders: %1 · %2 · %3 (non-blank characters)</source>
        <translation>کدگذاران: %1 · %2 · %3 (نویسهٔ غیرسفید)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="309" />
        <source>%1 document compared</source>
        <translation>%1 سند مقایسه شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="310" />
        <source>%1 documents compared</source>
        <translation>%1 سند مقایسه شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="311" />
        <source>%1 unit</source>
        <translation>%1 واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="311" />
        <source>%1 units</source>
        <translation>%1 واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="312" />
        <location filename="../../annotator/ui/agreement_view.py" line="402" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="314" />
        <source>F1 exact</source>
        <translation>F1 دقیق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="314" />
        <source>F1 overlap</source>
        <translation>F1 هم‌پوشان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="321" />
        <source>overall</source>
        <translation>کل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="323" />
        <source>relation</source>
        <translation>رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="326" />
        <location filename="../../annotator/ui/agreement_view.py" line="338" />
        <source>label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="338" />
        <source>coders</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="345" />
        <source>document</source>
        <translation>سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="357" />
        <source>Computing the agreement…</source>
        <translation>در حال محاسبهٔ توافق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="392" />
        <source>Agreement compares two or more coders; this project has only %1.</source>
        <translation>توافق دست‌کم دو کدگذار را مقایسه می‌کند؛ این پروژه فقط %1 را دارد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="394" />
        <source>Agreement compares two or more coders; nobody has coded a document of this project yet.</source>
        <translation>توافق دست‌کم دو کدگذار را مقایسه می‌کند؛ هنوز هیچ‌کس سندی از این پروژه را کدگذاری نکرده است.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="401" />
        <source>Nothing to compare: no document was coded by two or more of the coders (%1).</source>
        <translation>چیزی برای مقایسه نیست: هیچ سندی را دو کدگذار یا بیشتر (%1) کدگذاری نکرده‌اند.</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="108" />
        <source>Analysis</source>
        <translation>تحلیل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="111" />
        <source>Claims per actor</source>
        <translation>ادعاها به تفکیک کنشگر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="112" />
        <source>Claims per position</source>
        <translation>ادعاها به تفکیک موضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="113" />
        <source>Claims per topic</source>
        <translation>ادعاها به تفکیک موضوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="114" />
        <source>Claims over time</source>
        <translation>ادعاها در گذر زمان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="119" />
        <source>Done only</source>
        <translation>فقط تمام‌شده‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="120" />
        <source>Coder</source>
        <translation>کدگذار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="121" />
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="122" />
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="123" />
        <source>Top</source>
        <translation>برترین</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="124" />
        <source>A date as the news write it (۱۴۰۲/۰۵/۱۲) or ISO (2023-08-03)</source>
        <translation>تاریخی چنان که در خبرها نوشته می‌شود (۱۴۰۲/۰۵/۱۲) یا به شکل ISO (2023-08-03)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="128" />
        <source>Save as PNG…</source>
        <translation>ذخیره به‌صورت PNG…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="129" />
        <source>Save as SVG…</source>
        <translation>ذخیره به‌صورت SVG…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="130" />
        <source>Export claims table…</source>
        <translation>برون‌بری جدول ادعاها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="259" />
        <source>%1 pair below “At least” left out</source>
        <translation>%1 جفتِ کمتر از «دست‌کم» کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="260" />
        <source>%1 pairs below “At least” left out</source>
        <translation>%1 جفتِ کمتر از «دست‌کم» کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="160" />
        <source>Claims: %1, in %2 of %3</source>
        <translation>ادعاها: %1، در %2 سند از %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="118" />
        <source>All coders, pooled</source>
        <translation>همهٔ کدگذاران، روی هم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="161" />
        <source>%1 document read</source>
        <translation>%1 سند خوانده‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="161" />
        <source>%1 documents read</source>
        <translation>%1 سند خوانده‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="168" />
        <source>%1 annotation file cannot be read and is left out:</source>
        <translation>%1 پروندهٔ برچسب خوانده نمی‌شود و کنار گذاشته شد:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="169" />
        <source>%1 annotation files cannot be read and are left out:</source>
        <translation>%1 پروندهٔ برچسب خوانده نمی‌شود و کنار گذاشته شد:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="227" />
        <source>%1 row</source>
        <translation>%1 سطر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="227" />
        <source>%1 rows</source>
        <translation>%1 سطر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="228" />
        <source>%1 written to %2</source>
        <translation>%1 در %2 نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="251" />
        <source>%1 and %2 written to %3</source>
        <translation>%1 و %2 در %3 نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="252" />
        <source>%1 node</source>
        <translation>%1 گره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="252" />
        <source>%1 nodes</source>
        <translation>%1 گره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="253" />
        <source>%1 edge</source>
        <translation>%1 یال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="253" />
        <source>%1 edges</source>
        <translation>%1 یال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="192" />
        <source>No coded claims match these filters</source>
        <translation>هیچ ادعای کدگذاری‌شده‌ای با این پالایه‌ها جور نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="203" />
        <source>Save chart</source>
        <translation>ذخیرهٔ نمودار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="209" />
        <source>Cannot write %1</source>
        <translation>نمی‌توان %1 را نوشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="214" />
        <source>Export claims table</source>
        <translation>برون‌بری جدول ادعاها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="236" />
        <source>A network is one coder's view: choose a coder first.</source>
        <translation>شبکه دیدگاه یک کدگذار است: نخست یک کدگذار را برگزینید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/analysis_dialog.py" line="239" />
        <source>Export network</source>
        <translation>برون‌بری شبکه</translation>
    </message>
</context>
<context>
    <name>ClaimsController</name>
    <message>
        <location filename="../../annotator/ui/claims.py" line="207" />
        <location filename="../../annotator/ui/main_window.py" line="707" />
        <source>Inspector</source>
        <translation>بازرس</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="208" />
        <source>Entities</source>
        <translation>هویت‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="209" />
        <source>Claims by actor</source>
        <translation>ادعاها بر پایهٔ کنشگر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="210" />
        <source>Link to entity…</source>
        <translation>پیوند به هویت…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="211" />
        <source>Set attribute value…</source>
        <translation>تعیین مقدار ویژگی…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="212" />
        <source>Labels and attributes…</source>
        <translation>برچسب‌ها و ویژگی‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="213" />
        <source>Edit document details…</source>
        <translation>ویرایش مشخصات سند…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="252" />
        <source>Link: %1…</source>
        <translation>پیوند: %1…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="266" />
        <source>Choose a claim first (click it or pick it in the list)</source>
        <translation>نخست ادعایی را برگزینید (روی آن کلیک کنید یا در فهرست برگزینید)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="272" />
        <source>%1 links a %2</source>
        <translation>%1 به %2 پیوند می‌دهد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="289" />
        <source>No span in this document can be linked this way</source>
        <translation>در این سند بازه‌ای برای این پیوند نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="316" />
        <source>Choose a mention (an actor or a place) first</source>
        <translation>نخست یک اشاره (کنشگر یا مکان) را برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="321" />
        <source>Entities are for mentions (actors, places), not claims</source>
        <translation>هویت‌ها برای اشاره‌ها (کنشگران، مکان‌ها) هستند، نه ادعاها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="347" />
        <location filename="../../annotator/ui/claims.py" line="359" />
        <source>New entity: %1</source>
        <translation>هویت تازه: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="352" />
        <source>Unlink from %1</source>
        <translation>برداشتن پیوند با %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="355" />
        <source>Entity of «%1»</source>
        <translation>هویت «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="429" />
        <source>Choose a span first</source>
        <translation>نخست یک بازه را برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="453" />
        <source>This label has no attributes with values to choose</source>
        <translation>این برچسب ویژگی‌ای با مقدارهای گزینشی ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="456" />
        <source>Attribute of «%1»</source>
        <translation>ویژگی «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="523" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="532" />
        <source>%1: entity %2 was changed in another window too; this window's version was kept</source>
        <translation>%1: هویت %2 در پنجرهٔ دیگری هم تغییر کرده بود؛ نسخهٔ این پنجره نگه داشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="619" />
        <source>Open an article or a project first</source>
        <translation>نخست مقاله یا پروژه‌ای را باز کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="642" />
        <source>This changes %1 and %2, and deletes %3 and %4, in %5. Go on?</source>
        <translation>این کار %1 و %2 را تغییر می‌دهد و %3 و %4 را حذف می‌کند، در %5. ادامه می‌دهید؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="643" />
        <location filename="../../annotator/ui/claims.py" line="645" />
        <source>%1 span</source>
        <translation>%1 بازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="643" />
        <location filename="../../annotator/ui/claims.py" line="645" />
        <source>%1 spans</source>
        <translation>%1 بازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="644" />
        <location filename="../../annotator/ui/claims.py" line="646" />
        <source>%1 relation</source>
        <translation>%1 پیوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="644" />
        <location filename="../../annotator/ui/claims.py" line="646" />
        <source>%1 relations</source>
        <translation>%1 پیوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="647" />
        <source>%1 document</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="647" />
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims.py" line="649" />
        <source>Labels and attributes</source>
        <translation>برچسب‌ها و ویژگی‌ها</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="84" />
        <source>Whole project</source>
        <translation>همهٔ پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="84" />
        <source>This document</source>
        <translation>همین سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="87" />
        <source>Actor / claim</source>
        <translation>کنشگر / ادعا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="87" />
        <source>Position</source>
        <translation>موضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="87" />
        <source>Topic</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="131" />
        <source>(no claimant)</source>
        <translation>(بی‌ادعاکننده)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_panel.py" line="133" />
        <source>%1 (no entity)</source>
        <translation>%1 (بی‌هویت)</translation>
    </message>
</context>
<context>
    <name>CurationSession</name>
    <message>
        <location filename="../../annotator/ui/curation.py" line="261" />
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="262" />
        <source>curated</source>
        <translation>داوری‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="312" />
        <location filename="../../annotator/ui/curation.py" line="340" />
        <source>rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="314" />
        <source>edited</source>
        <translation>ویرایش‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="356" />
        <source>Entity</source>
        <translation>هویت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="417" />
        <source>Fewer than two coders have annotated this document: nothing to compare.</source>
        <translation>کمتر از دو کدگذار این سند را برچسب زده‌اند: چیزی برای مقایسه نیست.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="420" />
        <source>%1 agreed, %2 (%3 open)</source>
        <translation>%1 توافق، %2 (%3 باز)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="421" />
        <source>%1 disagreement</source>
        <translation>%1 اختلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="422" />
        <source>%1 disagreements</source>
        <translation>%1 اختلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="437" />
        <location filename="../../annotator/ui/curation.py" line="449" />
        <source>Accepted the version of %1</source>
        <translation>نسخهٔ %1 پذیرفته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="458" />
        <source>The curated set has no such span: put it back first (1 on its row).</source>
        <translation>مجموعهٔ داوری‌شده این بازه را ندارد: نخست آن را برگردانید (۱ در ردیف خودش).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="462" />
        <source>Not linked to %1: not in the curated set (decide it first)</source>
        <translation>به %1 پیوند داده نشد: در مجموعهٔ داوری‌شده نیست (نخست دربارهٔ آن تصمیم بگیرید)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="479" />
        <source>Rejected: the curated span has no %1</source>
        <translation>رد شد: بازهٔ داوری‌شده %1 ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="489" />
        <source>Rejected: no span there</source>
        <translation>رد شد: آنجا بازه‌ای نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="521" />
        <source>Curation</source>
        <translation>داوری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/curation.py" line="524" />
        <source>Up/Down: move · Space: next open disagreement · 1–9: accept that coder's version · Delete or R: reject · E or Enter: edit in the article (Ctrl+K: back here) · Ctrl+Z: undo</source>
        <translation>بالا/پایین: جابه‌جایی · فاصله: اختلاف باز بعدی · ۱ تا ۹: پذیرفتن نسخهٔ آن کدگذار · Delete یا R: رد · E یا Enter: ویرایش در متن (Ctrl+K: بازگشت به اینجا) · Ctrl+Z: واگرد</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="15" />
        <source>Document details</source>
        <translation>مشخصات سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="35" />
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="36" />
        <source>Date (Jalali or Gregorian, as written):</source>
        <translation>تاریخ (خورشیدی یا میلادی، همان‌گونه که نوشته شده):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="38" />
        <source>Source:</source>
        <translation>منبع:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="39" />
        <source>Address (URL):</source>
        <translation>نشانی (URL):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="57" />
        <source>Not a date this program reads; it is kept as written</source>
        <translation>این تاریخ خوانده نمی‌شود؛ همان‌گونه که نوشته شده نگه داشته می‌شود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details_dialog.py" line="60" />
        <source>Gregorian %1, Jalali %2</source>
        <translation>میلادی %1، خورشیدی %2</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="147" />
        <source>Done · read-only (%1 reopens it)</source>
        <translation>انجام‌شده · فقط خواندنی (%1 دوباره بازش می‌کند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="152" />
        <source>Edit details…</source>
        <translation>ویرایش مشخصات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="155" />
        <source>Title, date, source and address (Ctrl+Shift+D)</source>
        <translation>عنوان، تاریخ، منبع و نشانی (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="177" />
        <source>No title yet: the article's first words are shown. Edit details… gives it one.</source>
        <translation>هنوز عنوانی ندارد: نخستین واژه‌های مقاله نشان داده شده است. «ویرایش مشخصات…» به آن عنوان می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="184" />
        <source> (from the address)</source>
        <translation> (برگرفته از نشانی)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_header.py" line="192" />
        <source>No date, source or address yet</source>
        <translation>هنوز تاریخ، منبع یا نشانی ندارد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="376" />
        <source>Not a date: type a Jalali date such as 1402/01/01, or a Gregorian one</source>
        <translation>تاریخ نیست: تاریخی شمسی مانند ۱۴۰۲/۰۱/۰۱ یا تاریخی میلادی بنویسید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="384" />
        <source>Gregorian %1</source>
        <translation>میلادی %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="389" />
        <source>The first date is after the second: no document can be in this range</source>
        <translation>تاریخ نخست پس از تاریخ دوم است: هیچ سندی در این بازه نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="397" />
        <source>Only the documents dated on this day or later (Jalali, e.g. 1402/01/01, or Gregorian)</source>
        <translation>فقط سندهای این روز و پس از آن (شمسی، مانند ۱۴۰۲/۰۱/۰۱، یا میلادی)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="398" />
        <source>Only the documents dated on this day or earlier (Jalali, e.g. 1402/12/29, or Gregorian)</source>
        <translation>فقط سندهای این روز و پیش از آن (شمسی، مانند ۱۴۰۲/۱۲/۲۹، یا میلادی)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="401" />
        <source>Filter by title</source>
        <translation>پالایش بر پایهٔ عنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="402" />
        <source>From date</source>
        <translation>از تاریخ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="403" />
        <source>To date</source>
        <translation>تا تاریخ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="407" />
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="409" />
        <source>Show only the documents with this status</source>
        <translation>فقط سندهایی با این وضعیت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="410" />
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="411" />
        <location filename="../../annotator/ui/document_list.py" line="416" />
        <source>Stop making the search index; it goes on from there next time</source>
        <translation>توقف ساختن نمایهٔ جست‌وجو؛ دفعهٔ بعد از همان‌جا ادامه می‌یابد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="415" />
        <source>Search index: %1 of %2</source>
        <translation>نمایهٔ جست‌وجو: %1 از %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="421" />
        <source>Reading the document list: %1 of %2</source>
        <translation>خواندن فهرست سندها: %1 از %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="423" />
        <source>Reading the document list…</source>
        <translation>خواندن فهرست سندها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="425" />
        <source>Stop reading the document list; the list shows what it held before until it is read</source>
        <translation>توقف خواندن فهرست سندها؛ تا خوانده شود، فهرست همان چیزی را نشان می‌دهد که پیش‌تر داشت</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="155" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="156" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="157" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="170" />
        <source>can't read</source>
        <translation>خوانده نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="195" />
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="196" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="197" />
        <source>Spans</source>
        <translation>بازه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="198" />
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="75" />
        <source>Filter entities (ي=ی, ك=ک)</source>
        <translation>پالایش هویت‌ها (ي=ی، ك=ک)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="76" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="76" />
        <source>Other name</source>
        <translation>نام دیگر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="76" />
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="76" />
        <source>Mentions</source>
        <translation>اشاره‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="78" />
        <source>New…</source>
        <translation>تازه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="79" />
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="80" />
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="81" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="82" />
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="83" />
        <source>Redo</source>
        <translation>انجام دوباره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="187" />
        <source>New entity</source>
        <translation>هویت تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="187" />
        <location filename="../../annotator/ui/entity_panel.py" line="200" />
        <source>Name (Persian):</source>
        <translation>نام (فارسی):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="200" />
        <source>Rename entity</source>
        <translation>تغییر نام هویت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="213" />
        <source>Select two or more entities; the current one is kept</source>
        <translation>دو هویت یا بیشتر برگزینید؛ هویت کنونی می‌ماند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="223" />
        <source>Select the entities to delete</source>
        <translation>هویت‌هایی را که باید حذف شوند برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="235" />
        <source>%1 is still linked from %2: merge it into another entity, or unlink them first</source>
        <translation>%1 هنوز از %2 پیوند دارد: آن را در هویت دیگری ادغام کنید، یا نخست پیوند آن‌ها را بردارید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="236" />
        <source>%1 mention</source>
        <translation>%1 اشاره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/entity_panel.py" line="236" />
        <source>%1 mentions</source>
        <translation>%1 اشاره</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="153" />
        <source>No current span. Select text and press a label key, or click a span.</source>
        <translation>بازه‌ای برگزیده نیست. متنی را انتخاب کنید و کلید برچسب را بزنید، یا روی بازه‌ای کلیک کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="177" />
        <location filename="../../annotator/ui/inspector.py" line="199" />
        <source>Entity (E):</source>
        <translation>هویت (E):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="174" />
        <location filename="../../annotator/ui/inspector.py" line="199" />
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="259" />
        <source>suggested: %1 (E, Enter to confirm)</source>
        <translation>پیشنهاد: %1 (E و سپس Enter برای پذیرش)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="260" />
        <source>none (E to link)</source>
        <translation>ندارد (E برای پیوند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="270" />
        <source>%1 (not in the list)</source>
        <translation>%1 (در فهرست نیست)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="305" />
        <source>Links (Delete removes one): %1</source>
        <translation>پیوندها (Delete یکی را برمی‌دارد): %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/inspector.py" line="305" />
        <source>Links:</source>
        <translation>پیوندها:</translation>
    </message>
</context>
<context>
    <name>IoMessages</name>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="36" />
        <source>tokens split at span edges so that the spans are exact</source>
        <translation>توکن در لبهٔ بازه‌ها شکسته شد تا بازه‌ها دقیق باشند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="39" />
        <source>span edges inside a character moved to the character's edge</source>
        <translation>لبهٔ بازه که درون یک نویسه بود به لبهٔ آن نویسه رفت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="43" />
        <source>document titles/metadata (the format has no place for them)</source>
        <translation>عنوان/فرادادهٔ سند (این قالب جایی برای آن ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="46" />
        <source>document titles/metadata (brat keeps only the text)</source>
        <translation>عنوان/فرادادهٔ سند (brat تنها متن را نگه می‌دارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="49" />
        <source>document titles/metadata (BIO keeps only tokens and tags)</source>
        <translation>عنوان/فرادادهٔ سند (BIO تنها توکن‌ها و برچسب‌ها را نگه می‌دارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="52" />
        <source>document titles/metadata (the file name is the document id)</source>
        <translation>عنوان/فرادادهٔ سند (نام پرونده شناسهٔ سند است)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="55" />
        <source>labels/attribute values with spaces (written with '_')</source>
        <translation>برچسب/مقدار ویژگیِ دارای فاصله (با «_» نوشته شد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="58" />
        <source>false/empty attributes (brat has no way to say 'off')</source>
        <translation>ویژگیِ نادرست/خالی (brat راهی برای گفتن «خاموش» ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="60" />
        <source>relations to missing spans</source>
        <translation>رابطه با بازه‌ای ناموجود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="61" />
        <source>relations to spans not written</source>
        <translation>رابطه با بازه‌ای که نوشته نشد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="62" />
        <source>relations (BIO has no place for them)</source>
        <translation>رابطه (BIO جایی برای آن ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="63" />
        <source>relations (no place in one-row-per-span CSV)</source>
        <translation>رابطه (در CSV با یک سطر برای هر بازه جایی ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="64" />
        <source>relations (the doccano label variant has none)</source>
        <translation>رابطه (گونهٔ label در doccano رابطه ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="65" />
        <source>relations (no place in spaCy JSONL)</source>
        <translation>رابطه (در spaCy JSONL جایی ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="66" />
        <source>spans whose label is in no tag column</source>
        <translation>بازه‌ای که برچسبش در هیچ ستون برچسبی نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="67" />
        <source>spans covering no token</source>
        <translation>بازه‌ای که هیچ توکنی را نمی‌پوشاند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="68" />
        <source>spans crossing a sentence end (cut at it)</source>
        <translation>بازه‌ای که از پایان جمله می‌گذرد (همان‌جا بریده شد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="70" />
        <source>nested/overlapping spans (BIO keeps the outermost in each tag column)</source>
        <translation>بازهٔ تودرتو/هم‌پوشان (BIO در هر ستون برچسب بیرونی‌ترین را نگه می‌دارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="73" />
        <source>nested/overlapping spans (ents keep the outermost)</source>
        <translation>بازهٔ تودرتو/هم‌پوشان (ents بیرونی‌ترین را نگه می‌دارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="76" />
        <source>span attributes/notes (BIO has no place for them)</source>
        <translation>ویژگی/یادداشت بازه (BIO جایی برای آن ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="79" />
        <source>span attributes/notes (doccano has no place for them)</source>
        <translation>ویژگی/یادداشت بازه (doccano جایی برای آن ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="82" />
        <source>span attributes/notes (no place in spaCy JSONL)</source>
        <translation>ویژگی/یادداشت بازه (در spaCy JSONL جایی ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="84" />
        <source>span attributes/notes (one feature: the label)</source>
        <translation>ویژگی/یادداشت بازه (تنها یک ویژگی: برچسب)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="86" />
        <source>span attributes/notes the layer has no feature for</source>
        <translation>ویژگی/یادداشت بازه که لایه ویژگی‌ای برایش ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="88" />
        <source>span labels (the layer %1 has no feature)</source>
        <translation>برچسب بازه (لایهٔ %1 ویژگی‌ای ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="89" />
        <source>relation types (the layer %1 has no feature)</source>
        <translation>نوع رابطه (لایهٔ %1 ویژگی‌ای ندارد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="90" />
        <source>line breaks inside tokens (written as spaces)</source>
        <translation>شکست خط درون توکن (با فاصله نوشته شد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="92" />
        <source>metadata named id or title (meta.id/meta.title are the document's)</source>
        <translation>فرادادهٔ با نام id یا title (meta.id و meta.title از آنِ سند است)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="96" />
        <source>documents' text between or after sentences (WebAnno keeps sentences only: it reads back as line breaks, a CR or space there as a line break, the end as nothing)</source>
        <translation>متنِ میان یا پس از جمله‌های سند (WebAnno تنها جمله‌ها را نگه می‌دارد: در بازخوانی شکست خط می‌شود، CR یا فاصلهٔ آنجا هم شکست خط، و پایانِ متن هیچ)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="99" />
        <source>entity links of mentions (%1)</source>
        <translation>پیوند اشاره به موجودیت (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="101" />
        <source>the format has no place for them</source>
        <translation>این قالب جایی برای آن ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="102" />
        <source>BIO has no place for them</source>
        <translation>BIO جایی برای آن ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="103" />
        <source>no place in spaCy JSONL</source>
        <translation>در spaCy JSONL جایی ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="104" />
        <source>one feature: the label</source>
        <translation>تنها یک ویژگی: برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="108" />
        <source>nested or overlapping spans: doccano keeps them only in a project that allows overlapping spans</source>
        <translation>بازهٔ تودرتو یا هم‌پوشان: doccano آن را تنها در پروژه‌ای نگه می‌دارد که بازه‌های هم‌پوشان را بپذیرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="112" />
        <source>POS/chunk columns of a split token repeated on its pieces</source>
        <translation>ستون‌های POS/chunk توکنِ شکسته روی تکه‌هایش تکرار شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="115" />
        <source>tokens with spaces written as one line per word</source>
        <translation>توکنِ دارای فاصله، هر واژه در یک سطر نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="118" />
        <source>documents read in different layouts (%1): all written in one standard layout</source>
        <translation>سندها با چیدمان‌های گوناگون خوانده شده بود (%1): همه با یک چیدمان استاندارد نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="121" />
        <source>%1: no such file or folder</source>
        <translation>%1: چنین پرونده یا پوشه‌ای نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="122" />
        <source>%1: no file to import in this folder</source>
        <translation>%1: در این پوشه پرونده‌ای برای درون‌ریزی نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="123" />
        <source>%1: nothing to import in this file</source>
        <translation>%1: در این پرونده چیزی برای درون‌ریزی نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="124" />
        <source>%1: the file is empty</source>
        <translation>%1: پرونده خالی است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="125" />
        <source>%1: cannot import: %2</source>
        <translation>%1: درون‌ریزی نشد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="126" />
        <source>%1: cannot read: %2</source>
        <translation>%1: خوانده نشد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="127" />
        <source>%1: not an object with article fields</source>
        <translation>%1: شیئی با فیلدهای مقاله نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="128" />
        <source>%1: no article text (looked for %2)</source>
        <translation>%1: متن مقاله پیدا نشد (جست‌وجو در %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="129" />
        <source>%1: row %2: no text in column %3</source>
        <translation>%1: سطر %2: ستون %3 متنی ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="130" />
        <source>%1: no visible article text</source>
        <translation>%1: متن مقالهٔ پیدایی ندارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="132" />
        <source>%1: not valid JSON (line %2, column %3: %4); that line was not imported</source>
        <translation>%1: JSON درست نیست (سطر %2، ستون %3: %4)؛ آن سطر درون‌ریزی نشد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="135" />
        <source>%1: not valid JSON (line %2, column %3: %4); nothing was imported from this file</source>
        <translation>%1: JSON درست نیست (سطر %2، ستون %3: %4)؛ چیزی از این پرونده درون‌ریزی نشد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="137" />
        <source>%1: not UTF-8 text (byte %2 of the line)</source>
        <translation>%1: متن UTF-8 نیست (بایت %2 از سطر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="138" />
        <source>%1: no text left after normalization</source>
        <translation>%1: پس از یکدست‌سازی متنی نماند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="139" />
        <source>%1: kept as written, not normalized: %2</source>
        <translation>%1: همان‌گونه که نوشته شده بود ماند و یکدست نشد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="141" />
        <source>%1: span %2 vanished with normalization; left out</source>
        <translation>%1: بازهٔ %2 با یکدست‌سازی از میان رفت؛ کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="144" />
        <source>%1: %2 token(s) vanished with normalization; left out</source>
        <translation>%1: %2 توکن با یکدست‌سازی از میان رفت؛ کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="147" />
        <source>%1: says %2 but the text has %3 (kept)</source>
        <translation>%1: می‌گوید %2 ولی متن %3 دارد (نگه داشته شد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="148" />
        <source>%1: a note on relation %2 is not kept</source>
        <translation>%1: یادداشتِ رابطهٔ %2 نگه داشته نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="149" />
        <source>%1: normalizations (N lines) are not read</source>
        <translation>%1: نرمال‌سازی‌ها (سطرهای N) خوانده نمی‌شوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="150" />
        <source>%1: discontinuous spans are not supported</source>
        <translation>%1: بازهٔ چندتکه پذیرفته نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="151" />
        <source>%1: no .ann file beside it (no spans)</source>
        <translation>%1: پروندهٔ .ann کنارش نیست (بی‌بازه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="152" />
        <source>%1: %2 refers to a missing span</source>
        <translation>%1: %2 به بازه‌ای ناموجود اشاره می‌کند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="154" />
        <source>%1: offsets %2-%3 are not a stretch of the text (%4 characters)</source>
        <translation>%1: بازهٔ %2 تا %3 پاره‌ای از متن (%4 نویسه) نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="156" />
        <source>%1: %2 is not a tag (O, B-X, I-X); read as O</source>
        <translation>%1: %2 برچسب نیست (⁦O, B‑X, I‑X⁩)؛ O خوانده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="158" />
        <source>%1: I- tag starts a span (read as its beginning)</source>
        <translation>%1: برچسب I- بازه‌ای را آغاز می‌کند (آغازِ آن خوانده شد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="160" />
        <source>%1: no token and tag in %2</source>
        <translation>%1: در %2 توکن و برچسبی نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="162" />
        <source>Permission denied</source>
        <translation>دسترسی داده نشد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="163" />
        <source>No space left on device</source>
        <translation>جایی روی دیسک نمانده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="164" />
        <source>Read-only file system</source>
        <translation>دیسک فقط‌خواندنی است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="165" />
        <source>No such file or directory</source>
        <translation>چنین پرونده یا پوشه‌ای نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="166" />
        <source>Not a directory</source>
        <translation>پوشه نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="167" />
        <source>Is a directory</source>
        <translation>پوشه است، نه پرونده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="168" />
        <source>File exists</source>
        <translation>از پیش هست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="169" />
        <source>Disk quota exceeded</source>
        <translation>سهمیهٔ دیسک پر شده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="171" />
        <source>%1: the same text as %2, added as another document because it comes with other annotations</source>
        <translation>%1: همان متنِ %2؛ سندی دیگر افزوده شد، چون با برچسب‌گذاری دیگری آمده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="177" />
        <source>%1 document written</source>
        <translation>%1 سند نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="177" />
        <source>%1 documents written</source>
        <translation>%1 سند نوشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="180" />
        <source>left out: %1 %2</source>
        <translation>کنار ماند: %1 %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="184" />
        <source>note: %1 (%2)</source>
        <translation>یادآوری: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="195" />
        <source>%1: cannot write: %2</source>
        <translation>%1: نوشته نشد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="182" />
        <source>%1 document</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/io_messages.py" line="182" />
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602" />
        <location filename="../../annotator/ui/main_window.py" line="605" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602" />
        <location filename="../../annotator/ui/main_window.py" line="619" />
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="622" />
        <source>Tag as</source>
        <translation>برچسب زدن به‌عنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602" />
        <location filename="../../annotator/ui/main_window.py" line="633" />
        <source>&amp;Project</source>
        <translation>&amp;پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602" />
        <location filename="../../annotator/ui/main_window.py" line="656" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="659" />
        <source>Panels</source>
        <translation>پنل‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="662" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="664" />
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602" />
        <location filename="../../annotator/ui/main_window.py" line="666" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="714" />
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="715" />
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="716" />
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="717" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="718" />
        <source>Delete span</source>
        <translation>حذف بازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="721" />
        <source>Select sentence</source>
        <translation>انتخاب جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="722" />
        <source>Place an unplaced span at the selection…</source>
        <translation>گذاشتن بازهٔ بی‌جامانده روی متن انتخاب‌شده…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="723" />
        <source>Snap to whole words</source>
        <translation>انتخاب کامل واژه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="724" />
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="725" />
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="726" />
        <source>Actual size</source>
        <translation>اندازهٔ اصلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="729" />
        <source>System</source>
        <translation>پیش‌فرض سیستم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="730" />
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="731" />
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="733" />
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="734" />
        <source>Your name…</source>
        <translation>نام شما…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="735" />
        <source>Agreement…</source>
        <translation>توافق کدگذاران…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="736" />
        <source>Synchronise (git)</source>
        <translation>همگام‌سازی (git)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="737" />
        <source>Curate disagreements</source>
        <translation>داوری اختلاف‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="738" />
        <source>Go to the curation list</source>
        <translation>رفتن به فهرست داوری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="739" />
        <source>Analysis: charts, claims table, networks…</source>
        <translation>تحلیل: نمودارها، جدول ادعاها، شبکه‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="743" />
        <location filename="../../annotator/ui/main_window.py" line="1269" />
        <source>Agreement</source>
        <translation>توافق کدگذاران</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="748" />
        <source>Find in article…</source>
        <translation>جست‌وجو در مقاله…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="749" />
        <source>Find in project…</source>
        <translation>جست‌وجو در پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="750" />
        <source>Tag all search results…</source>
        <translation>برچسب زدن به همهٔ نتیجه‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="751" />
        <source>New project…</source>
        <translation>پروژهٔ تازه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="752" />
        <source>Open project…</source>
        <translation>باز کردن پروژه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="753" />
        <source>Import articles…</source>
        <translation>درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="754" />
        <source>Next document</source>
        <translation>سند بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="755" />
        <source>Previous document</source>
        <translation>سند قبلی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="756" />
        <source>Next unfinished document</source>
        <translation>سند ناتمام بعدی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="757" />
        <source>Mark done / not done</source>
        <translation>علامت‌گذاری انجام‌شده / انجام‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="758" />
        <source>Statistics…</source>
        <translation>آمار…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="759" />
        <source>Export annotations…</source>
        <translation>برون‌بری برچسب‌گذاری‌ها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="706" />
        <location filename="../../annotator/ui/main_window.py" line="764" />
        <source>Note (N), Enter to keep:</source>
        <translation>یادداشت (N)؛ Enter برای ثبت:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="705" />
        <location filename="../../annotator/ui/main_window.py" line="765" />
        <source>Spans</source>
        <translation>بازه‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="814" />
        <source>You are coding as %1</source>
        <translation>اکنون با نام %1 کدگذاری می‌کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="837" />
        <source>Cannot make a working copy of the sample in %1: %2</source>
        <translation>نمی‌توان رونوشتی از نمونه در %1 ساخت: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="955" />
        <source>Spans that could not be placed (kept in the file):</source>
        <translation>بازه‌هایی که جایشان پیدا نشد (در پرونده نگه داشته شده‌اند):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="977" />
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="987" />
        <source>Recovered %1 edits to %2 that had not been saved when the program last stopped.</source>
        <translation>%1 ویرایشِ %2 که وقتی برنامه آخرین بار بسته شد ذخیره نشده بود، بازیابی شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="988" />
        <source>Recovered 1 edit to %2 that had not been saved when the program last stopped.</source>
        <translation>۱ ویرایشِ %2 که وقتی برنامه آخرین بار بسته شد ذخیره نشده بود، بازیابی شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="992" />
        <source>The text of %1 has changed since it was annotated: </source>
        <translation>متن %1 پس از برچسب‌گذاری تغییر کرده است: </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="996" />
        <source>1 span was placed on the new text</source>
        <translation>۱ بازه روی متن تازه جای گرفت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="996" />
        <source>%1 spans were placed on the new text</source>
        <translation>%1 بازه روی متن تازه جای گرفت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1001" />
        <source>; 1 could not be placed and is kept in the file as unplaced (nothing was deleted)</source>
        <translation>؛ ۱ بازه جایی پیدا نکرد و با نشان «بی‌جا» در پرونده نگه داشته شد (چیزی پاک نشد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1002" />
        <source>; %1 could not be placed and are kept in the file as unplaced (nothing was deleted)</source>
        <translation>؛ %1 بازه جایی پیدا نکردند و با نشان «بی‌جا» در پرونده نگه داشته شدند (چیزی پاک نشد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1008" />
        <source>The file had been replaced meanwhile (by another program or a synced folder): its changes are kept with them (%1 added, %2 removed, %3 changed).</source>
        <translation>پرونده در این میان جایگزین شده بود (با برنامهٔ دیگری یا پوشهٔ همگام‌شده): تغییرهای آن هم کنار این ویرایش‌ها نگه داشته شد (%1 افزوده، %2 حذف‌شده، %3 تغییریافته).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1014" />
        <source>%1 spans changed on both sides keep these edits.</source>
        <translation>%1 بازه در هر دو سو تغییر کرده بود: این ویرایش‌ها نگه داشته شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1017" />
        <location filename="../../annotator/ui/main_window.py" line="1873" />
        <source>The other version is kept as %1.</source>
        <translation>نسخهٔ دیگر، کامل، با نام %1 نگه داشته شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1019" />
        <source>The other version could not be kept: %1.</source>
        <translation>نسخهٔ دیگر را نمی‌شد نگه داشت: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1053" />
        <source>Working without a lock: %1</source>
        <translation>کار بدون قفل: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1091" />
        <source>The last session ended without closing (process %1).</source>
        <translation>نشست پیشین بی‌آنکه بسته شود پایان یافت (فرایند %1).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1095" />
        <source>Its unsaved edits to 1 other document are kept and come back when it opens.</source>
        <translation>ویرایش‌های ذخیره‌نشدهٔ آن در ۱ سند دیگر نگه داشته شده‌اند و با باز شدن آن بازمی‌گردند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1096" />
        <source>Its unsaved edits to %1 other documents are kept and come back when they open.</source>
        <translation>ویرایش‌های ذخیره‌نشدهٔ آن در %1 سند دیگر نگه داشته شده‌اند و با باز شدن هر یک بازمی‌گردند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1099" />
        <source>Its unsaved edits were recovered.</source>
        <translation>ویرایش‌های ذخیره‌نشدهٔ آن بازیابی شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1101" />
        <source>Nothing had been left unsaved.</source>
        <translation>چیزی ذخیره‌نشده نمانده بود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1109" />
        <source>This project is held by another window (its lock file %1 is unreadable).</source>
        <translation>این پروژه در دست پنجرهٔ دیگری است (پروندهٔ قفل آن، %1، خوانا نیست).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1114" />
        <source>This file is already open in another window: coder %1 on computer %2 (process %3), since %4 (%5).</source>
        <translation>این پرونده در پنجرهٔ دیگری باز است: کدگذار %1 روی رایانهٔ %2 (فرایند %3)، از %4 (%5).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1117" />
        <source>This project is already open in another window: coder %1 on computer %2 (process %3), since %4 (%5).</source>
        <translation>این پروژه در پنجرهٔ دیگری باز است: کدگذار %1 روی رایانهٔ %2 (فرایند %3)، از %4 (%5).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1212" />
        <source>Synchronising did not finish: %1</source>
        <translation>همگام‌سازی تمام نشد: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1214" />
        <source>Synchronised with git:</source>
        <translation>با git همگام شد:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1225" />
        <source>your work: nothing new to commit</source>
        <translation>کار شما: چیز تازه‌ای برای ثبت نبود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1229" />
        <source>nothing new arrived</source>
        <translation>چیز تازه‌ای نرسید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1240" />
        <source>the project's labels or settings changed</source>
        <translation>برچسب‌ها یا تنظیمات پروژه تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1242" />
        <source>the others' new or changed entities arrived</source>
        <translation>هویت‌های تازه یا تغییرکردهٔ دیگران رسید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1244" />
        <source>sent</source>
        <translation>فرستاده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1281" />
        <source>Analysis works on a project: open one with File ▸ Open project.</source>
        <translation>تحلیل روی یک پروژه انجام می‌شود: با «پرونده ▸ باز کردن پروژه» یکی را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1305" />
        <source>another window (%1) took this file over; this window no longer saves it. Close it, or keep what you did here with Save As</source>
        <translation>پنجره‌ای دیگر (%1) این پرونده را در دست گرفت؛ این پنجره دیگر آن را ذخیره نمی‌کند. آن را ببندید، یا کاری را که اینجا کرده‌اید با «ذخیره با نام» نگه دارید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1325" />
        <source>The annotation file %1 was kept aside as %2; this document starts without annotations.</source>
        <translation>پروندهٔ برچسب‌گذاری %1 با نام %2 کنار گذاشته شد؛ این سند بی‌برچسب آغاز می‌شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1332" />
        <source>This annotation file is for document %1, not %2; it was left as it is.</source>
        <translation>این پروندهٔ برچسب‌گذاری از آنِ سند %1 است، نه %2؛ دست‌نخورده ماند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1336" />
        <source>The text of %1 is not the one these annotations were made on: only %2 of %3 spans could be placed on it; the file was left as it is.</source>
        <translation>متن %1 آن متنی نیست که این برچسب‌ها روی آن زده شده‌اند: تنها %2 بازه از %3 بازه روی آن جا گرفتند؛ پرونده دست‌نخورده ماند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1348" />
        <source>Annotations of another document</source>
        <translation>برچسب‌گذاری‌های سندی دیگر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1352" />
        <source>Nothing was written. Keep it aside: the file is renamed (nothing is deleted) and this document starts without annotations. Re-anchor anyway: its spans are moved onto this text where they fit and the rest are kept in the file as unplaced; the file then belongs to this document. Cancel: the document is not opened.</source>
        <translation>چیزی نوشته نشد. کنار گذاشتن: نام پرونده عوض می‌شود (چیزی پاک نمی‌شود) و این سند بی‌برچسب آغاز می‌شود. جابه‌جایی به‌هرحال: بازه‌ها هر جا که بخورند روی این متن گذاشته می‌شوند و باقی با نشان «بی‌جا» در پرونده می‌مانند؛ پرونده از آن پس از آنِ این سند است. انصراف: سند باز نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1358" />
        <source>Keep it aside, start afresh</source>
        <translation>کنار گذاشتن و آغاز از نو</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1360" />
        <source>Re-anchor anyway</source>
        <translation>جابه‌جایی به‌هرحال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1375" />
        <source>Project in use</source>
        <translation>پروژه در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1376" />
        <source>%1

Open it here anyway? The other window must then be closed without saving.</source>
        <translation>%1

با این حال اینجا باز شود؟ پنجرهٔ دیگر باید بی‌ذخیره بسته شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1392" />
        <source>New project in folder</source>
        <translation>پروژهٔ تازه در پوشه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1392" />
        <source>new-project</source>
        <translation>پروژه-تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1407" />
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1496" />
        <source>Open article</source>
        <translation>باز کردن مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1498" />
        <source>Articles and annotations (*.txt *.json);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌گذاری‌ها (*.txt *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1532" />
        <source>This document is marked done: %1 reopens it for editing</source>
        <translation>این سند «انجام‌شده» علامت خورده است: %1 آن را برای ویرایش دوباره باز می‌کند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1556" />
        <source>Not relabelled: its links are kept</source>
        <translation>برچسب تغییر نکرد: پیوندهایش ماندند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1573" />
        <source>Nothing to tag in the selection</source>
        <translation>در بخش انتخاب‌شده چیزی برای برچسب زدن نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1584" />
        <source>Relabelled; removed %1 (Ctrl+Z brings them back)</source>
        <translation>برچسب تغییر کرد؛ %1 حذف شد (Ctrl+Z آن‌ها را برمی‌گرداند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1589" />
        <source>Select some text first (drag, double-click or Shift+arrows)</source>
        <translation>نخست بخشی از متن را انتخاب کنید (کشیدن، دوبار کلیک یا Shift و پیکان‌ها)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1607" />
        <source>Click a span or choose it in the list to delete it</source>
        <translation>برای حذف، روی بازه کلیک کنید یا آن را در فهرست برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1637" />
        <source>Select the text the span belongs to first</source>
        <translation>نخست متنی را که بازه از آن است انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1642" />
        <source>Place an unplaced span</source>
        <translation>گذاشتن بازهٔ بی‌جامانده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1642" />
        <source>Span</source>
        <translation>بازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1684" />
        <source>Search first (%1, or %2 in a project): %3 then tags every result</source>
        <translation>نخست جست‌وجو کنید (%1، یا %2 در پروژه)؛ آنگاه %3 به همهٔ نتیجه‌ها برچسب می‌زند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1699" />
        <source>%1 edits the note of the current span: click a span or choose it in the list first</source>
        <translation>%1 یادداشت بازهٔ کنونی را ویرایش می‌کند: نخست روی بازه‌ای کلیک کنید یا آن را در فهرست برگزینید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1721" />
        <source>Undone: %1</source>
        <translation>واگرد شد: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1729" />
        <source>Redone: %1</source>
        <translation>ازنو انجام شد: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1789" />
        <source>Your last edit could not be written to disk.</source>
        <translation>آخرین ویرایش شما روی دیسک نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1817" />
        <source>Cannot save %1: %2
Your work is kept in memory; use Save As to save it elsewhere.</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2
کار شما در حافظه نگه داشته شده است؛ با «ذخیره با نام» آن را جای دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1863" />
        <source>The annotation file was changed by another program (a synced folder?): its changes are taken in (%1 added, %2 removed, %3 changed, %4 links); Ctrl+Z takes them back.</source>
        <translation>پروندهٔ برچسب‌ها را برنامهٔ دیگری تغییر داد (پوشهٔ همگام‌شده؟): تغییرهای آن گرفته شد (%1 افزوده، %2 حذف‌شده، %3 تغییریافته، %4 پیوند)؛ Ctrl+Z آن‌ها را برمی‌گرداند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1869" />
        <source>%1 spans changed both here and there: yours are kept.</source>
        <translation>%1 بازه هم اینجا و هم آنجا تغییر کرد: نسخهٔ شما نگه داشته شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1884" />
        <source>Save annotations as</source>
        <translation>ذخیرهٔ برچسب‌گذاری‌ها با نام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1886" />
        <source>Annotations (*.json)</source>
        <translation>برچسب‌گذاری‌ها (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1898" />
        <source>Cannot save %1: %2</source>
        <translation>نمی‌توان %1 را ذخیره کرد: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1911" />
        <source>Unsaved work</source>
        <translation>کار ذخیره‌نشده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1912" />
        <source>Your annotations could not be saved:
%1</source>
        <translation>برچسب‌گذاری‌های شما ذخیره نشد:
%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1995" />
        <source>%1 (read-only)</source>
        <translation>%1 (فقط خواندنی)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2007" />
        <source>Spans: %1 · %2</source>
        <translation>بازه‌ها: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2026" />
        <source>Tag %1 result</source>
        <translation>برچسب زدن به %1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2037" />
        <source>Accept the version of %1</source>
        <translation>پذیرفتن نسخهٔ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2038" />
        <source>Reject</source>
        <translation>رد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2039" />
        <source>Link entity</source>
        <translation>پیوند هویت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2040" />
        <source>Unlink entity</source>
        <translation>برداشتن پیوند هویت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2041" />
        <source>Relink mentions</source>
        <translation>پیوند دوبارهٔ اشاره‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2042" />
        <source>Edit labels and attributes</source>
        <translation>ویرایش برچسب‌ها و ویژگی‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2043" />
        <source>Edit document details</source>
        <translation>ویرایش مشخصات سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2044" />
        <source>Changes saved by another program</source>
        <translation>تغییرهایی که برنامهٔ دیگری ذخیره کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="732" />
        <location filename="../../annotator/ui/main_window.py" line="1973" />
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="767" />
        <source>Label palette</source>
        <translation>نوار برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1223" />
        <source>your work: %1 file committed</source>
        <translation>کار شما: %1 پرونده ثبت شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1223" />
        <source>your work: %1 files committed</source>
        <translation>کار شما: %1 پرونده ثبت شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1232" />
        <source>%1 new document</source>
        <translation>%1 سند تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1232" />
        <source>%1 new documents</source>
        <translation>%1 سند تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1235" />
        <source>%1 document changed</source>
        <translation>%1 سند تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1235" />
        <source>%1 documents changed</source>
        <translation>%1 سند تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1237" />
        <source>%1 annotation file</source>
        <translation>%1 پروندهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1237" />
        <source>%1 annotation files</source>
        <translation>%1 پروندهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1238" />
        <source>%1: %2 new or changed</source>
        <translation>%1: %2 تازه یا تغییرکرده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1974" />
        <source>annotator %1
Annotate Persian news: actors, locations and claims.</source>
        <translation>annotator %1
برچسب‌گذاری اخبار فارسی: کنشگرها، مکان‌ها و ادعاها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1990" />
        <source>&amp;Undo %1</source>
        <translation>&amp;واگرد %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1991" />
        <source>&amp;Redo %1</source>
        <translation>&amp;ازنو %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1993" />
        <source>No article</source>
        <translation>بدون مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="1998" />
        <source>curating as %1</source>
        <translation>داوری با نام %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2003" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2004" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2005" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2028" />
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2026" />
        <source>Tag %1 results</source>
        <translation>برچسب زدن به %1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2029" />
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2030" />
        <source>Relabel as %1</source>
        <translation>تغییر برچسب به %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="720" />
        <location filename="../../annotator/ui/main_window.py" line="2031" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2032" />
        <source>Set %1</source>
        <translation>تنظیم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2033" />
        <source>Resize span</source>
        <translation>تغییر اندازهٔ بازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2034" />
        <source>Add relation</source>
        <translation>افزودن رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2035" />
        <source>Delete relation</source>
        <translation>حذف رابطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="2036" />
        <source>Change status</source>
        <translation>تغییر وضعیت</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../annotator/ui/coder_name.py" line="28" />
        <source>Type a name.</source>
        <translation>نامی بنویسید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/coder_name.py" line="30" />
        <source>“%1” is reserved for annotator's own use.</source>
        <translation>«%1» برای کار خود annotator کنار گذاشته شده است.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/coder_name.py" line="32" />
        <source>Use at least one letter or digit.</source>
        <translation>دست‌کم یک حرف یا رقم به کار ببرید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="26" />
        <source>Your name</source>
        <translation>نام شما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="29" />
        <source>Who is coding? Your name is written into every annotation file you make, and your work is kept in a folder of that name in each project.</source>
        <translation>چه کسی کدگذاری می‌کند؟ نام شما در هر پروندهٔ برچسبی که می‌سازید نوشته می‌شود و کارتان در هر پروژه در پوشه‌ای به همین نام نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/identity.py" line="32" />
        <source>Your name for the annotations you make from now on. Files already written keep the name they have; another coder's files are never renamed.</source>
        <translation>نام شما برای برچسب‌هایی که از این پس می‌زنید. پرونده‌های نوشته‌شده نام خود را نگه می‌دارند؛ پرونده‌های کدگذار دیگر هرگز تغییر نام نمی‌دهند.</translation>
    </message>
</context>
<context>
    <name>NetworkChoice</name>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="133" />
        <source> document</source>
        <translation> سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="133" />
        <source> documents</source>
        <translation> سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="134" />
        <source> paragraph</source>
        <translation> بند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="134" />
        <source> paragraphs</source>
        <translation> بند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="135" />
        <source> sentence</source>
        <translation> جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="135" />
        <source> sentences</source>
        <translation> جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="142" />
        <source>Network</source>
        <translation>شبکه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="145" />
        <source>Network: actors and topics</source>
        <translation>شبکه: کنشگران و موضوع‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="146" />
        <source>Network: actors agreeing or in conflict</source>
        <translation>شبکه: هم‌سویی و ناسازگاری کنشگران</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="147" />
        <source>Network: who addresses whom</source>
        <translation>شبکه: چه کسی خطاب به چه کسی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="148" />
        <source>Network: mentioned together</source>
        <translation>شبکه: هم‌آیی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="152" />
        <source>Export network…</source>
        <translation>برون‌بری شبکه…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="153" />
        <source>Tied by:</source>
        <translation>پیوند بر پایهٔ:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="156" />
        <source>same position (congruence)</source>
        <translation>موضع یکسان (هم‌سویی)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="157" />
        <source>opposite positions (conflict)</source>
        <translation>موضع مخالف (ناسازگاری)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="158" />
        <source>congruence minus conflict</source>
        <translation>هم‌سویی منهای ناسازگاری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="164" />
        <source>Actors agreeing or in conflict: an edge's weight counts the two actors' claims of the same position on a topic (congruence), of opposite positions (conflict), or the first less the second</source>
        <translation>هم‌سویی و ناسازگاری کنشگران: وزن یال ادعاهای دو کنشگر با موضع یکسان دربارهٔ یک موضوع (هم‌سویی)، با موضع مخالف (ناسازگاری)، یا اولی منهای دومی را می‌شمارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="168" />
        <source>Together in:</source>
        <translation>با هم در:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="169" />
        <source>a document</source>
        <translation>یک سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="169" />
        <source>a paragraph</source>
        <translation>یک بند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="169" />
        <source>a sentence</source>
        <translation>یک جمله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="173" />
        <source>Mentioned together: two entities are tied when one document, paragraph (a line of the text) or sentence mentions both; a sentence keeps a long corpus's network small</source>
        <translation>هم‌آیی: دو هویت وقتی به هم پیوند می‌خورند که یک سند، یک بند (یک سطر متن) یا یک جمله از هر دو نام ببرد؛ جمله شبکهٔ یک پیکرهٔ بلند را کوچک نگه می‌دارد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="177" />
        <source>Weight:</source>
        <translation>وزن:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="178" />
        <source>count</source>
        <translation>شمار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="178" />
        <source>average</source>
        <translation>میانگین</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="178" />
        <source>Jaccard</source>
        <translation>ژاکار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="178" />
        <source>cosine</source>
        <translation>کسینوس</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="182" />
        <source>Mentioned together: an edge's weight is the number of windows that mention both (count), or that number divided as DNA's one-mode normalisations do; the count is then kept as 'count'</source>
        <translation>هم‌آیی: وزن یال شمار سندها، بندها یا جمله‌هایی است که از هر دو نام می‌برند (شمار)، یا همین شمار تقسیم‌شده به روش بهنجارش‌های تک‌وجهی DNA؛ آن‌گاه شمار با نام 'count' نگه داشته می‌شود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="186" />
        <source>At least:</source>
        <translation>دست‌کم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_choice.py" line="188" />
        <source>Mentioned together: only pairs mentioned together in at least this many windows</source>
        <translation>هم‌آیی: تنها جفت‌هایی که دست‌کم در این شمار سند، بند یا جمله با هم آمده‌اند</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="464" />
        <source>No more documents that way</source>
        <translation>سند دیگری در این سو نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="464" />
        <source>Every document is done</source>
        <translation>همهٔ سندها انجام شده‌اند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="500" />
        <source>%1 of %2 documents done</source>
        <translation>%1 از %2 سند انجام شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="511" />
        <location filename="../../annotator/ui/project_session.py" line="643" />
        <source>Import articles</source>
        <translation>درون‌ریزی مقاله‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="524" />
        <source>Importing…</source>
        <translation>در حال درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="633" />
        <source>detected from each file: articles, or annotations with their labels</source>
        <translation>تشخیص از روی خود پرونده: مقاله‌ها، یا حاشیه‌نویسی‌ها با برچسب‌هایشان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="634" />
        <source>plain text, one article a file</source>
        <translation>متن ساده، هر پرونده یک مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="635" />
        <source>JSON articles (or annotator's own annotation files)</source>
        <translation>مقاله‌های JSON (یا پرونده‌های حاشیه‌نویسی خود annotator)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="636" />
        <source>JSON Lines articles, one a line (or annotator's own export)</source>
        <translation>مقاله‌های JSON Lines، هر سطر یکی (یا برون‌بری خود annotator)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="637" />
        <source>CSV or TSV articles, one a row</source>
        <translation>مقاله‌های CSV یا TSV، هر ردیف یکی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="638" />
        <source>HTML pages, their visible text</source>
        <translation>صفحه‌های HTML، متن پیدای آن‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="650" />
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="382" />
        <source>Tagging…</source>
        <translation>در حال برچسب زدن…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="208" />
        <source>Reading the document list stopped: it shows what it held before</source>
        <translation>خواندن فهرست سندها متوقف شد؛ فهرست همان چیزی را نشان می‌دهد که پیش‌تر داشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="500" />
        <source>%1 of %2 document done</source>
        <translation>%1 از %2 سند انجام شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="514" />
        <source>Articles and annotations (*.txt *.json *.jsonl *.ndjson *.csv *.html *.htm *.ann *.tsv *.conll *.bio *.iob *.iob2);;All files (*)</source>
        <translation>مقاله‌ها و برچسب‌گذاری‌ها (*.txt *.json *.jsonl *.ndjson *.csv *.html *.htm *.ann *.tsv *.conll *.bio *.iob *.iob2);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="528" />
        <source>Importing %1</source>
        <translation>درون‌ریزی %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="540" />
        <source>Import cancelled: the project is as it was.</source>
        <translation>درون‌ریزی لغو شد: پروژه همان است که بود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="552" />
        <source>%1 document added</source>
        <translation>%1 سند افزوده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="552" />
        <source>%1 documents added</source>
        <translation>%1 سند افزوده شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="553" />
        <source>%1 duplicate skipped</source>
        <translation>%1 سند تکراری کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="553" />
        <source>%1 duplicates skipped</source>
        <translation>%1 سند تکراری کنار گذاشته شد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="554" />
        <source>%1 problem</source>
        <translation>%1 مشکل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="554" />
        <source>%1 problems</source>
        <translation>%1 مشکل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="559" />
        <source>%1 span imported</source>
        <translation>%1 بازه با سندها آمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="559" />
        <source>%1 spans imported</source>
        <translation>%1 بازه با سندها آمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="561" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="565" />
        <source>%1: format detected: %2</source>
        <translation>قالب تشخیص‌داده‌شده برای %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="577" />
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="577" />
        <location filename="../../annotator/ui/project_session.py" line="643" />
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="589" />
        <source>Export to</source>
        <translation>برون‌بری به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="603" />
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="661" />
        <source>new %1 · in progress %2 · done %3</source>
        <translation>تازه %1 · در حال انجام %2 · انجام‌شده %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="665" />
        <source>spans per label:</source>
        <translation>برچسب‌ها بر پایهٔ نوع:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="667" />
        <source>per annotator:</source>
        <translation>بر پایهٔ برچسب‌گذار:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="678" />
        <source>%1 annotation file cannot be read and is left out of these figures:</source>
        <translation>%1 پروندهٔ برچسب خوانده نمی‌شود و در این شمارش‌ها نیامده است:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="679" />
        <source>%1 annotation files cannot be read and are left out of these figures:</source>
        <translation>%1 پروندهٔ برچسب خوانده نمی‌شود و در این شمارش‌ها نیامده است:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="690" />
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="691" />
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="692" />
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="696" />
        <source>Spans per label, all annotators' sets added up</source>
        <translation>بازه‌ها بر پایهٔ برچسب، مجموعه‌های همهٔ کدگذاران روی هم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="698" />
        <source>Spans per label</source>
        <translation>بازه‌ها بر پایهٔ برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="702" />
        <source>Per annotator: spans, documents done</source>
        <translation>بر پایهٔ کدگذار: بازه‌ها · سندهای انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="721" />
        <source>Project statistics</source>
        <translation>آمار پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="689" />
        <location filename="../../annotator/ui/project_session.py" line="769" />
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="660" />
        <source>%1 document</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="660" />
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="726" />
        <source>What</source>
        <translation>مورد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="726" />
        <source>How many</source>
        <translation>شمار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_session.py" line="795" />
        <source>%1
This window stopped editing the project; your edits until now are saved.</source>
        <translation>%1
این پنجره ویرایش پروژه را متوقف کرد؛ ویرایش‌های شما تا این لحظه ذخیره شده‌اند.</translation>
    </message>
</context>
<context>
    <name>RelabelQuestion</name>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="32" />
        <source>1 link</source>
        <translation>۱ پیوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="34" />
        <source>%1 links</source>
        <translation>%1 پیوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="47" />
        <source>Relabel</source>
        <translation>تغییر برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="51" />
        <source>Relabel «%1» as “%2”? That removes %3.</source>
        <translation>برچسب «%1» به «%2» تغییر کند؟ با این کار %3 حذف می‌شود.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="57" />
        <source>Those links do not fit the new label. Ctrl+Z would bring them back.</source>
        <translation>این پیوندها با برچسب تازه جور نیستند. Ctrl+Z آن‌ها را برمی‌گرداند.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/relabel_question.py" line="62" />
        <source>Relabel and remove the links</source>
        <translation>تغییر برچسب و حذف پیوندها</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="86" />
        <source>Labels and attributes</source>
        <translation>برچسب‌ها و ویژگی‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="91" />
        <location filename="../../annotator/ui/schema_editor.py" line="102" />
        <location filename="../../annotator/ui/schema_editor.py" line="114" />
        <source>Id</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="92" />
        <location filename="../../annotator/ui/schema_editor.py" line="103" />
        <location filename="../../annotator/ui/schema_editor.py" line="115" />
        <source>Persian name</source>
        <translation>نام فارسی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="93" />
        <location filename="../../annotator/ui/schema_editor.py" line="104" />
        <location filename="../../annotator/ui/schema_editor.py" line="116" />
        <source>English name</source>
        <translation>نام انگلیسی</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="94" />
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="95" />
        <location filename="../../annotator/ui/schema_editor.py" line="119" />
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="96" />
        <source>Kind (entity/claim)</source>
        <translation>گونه (entity/claim)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="105" />
        <location filename="../../annotator/ui/schema_editor.py" line="122" />
        <source>Labels</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="106" />
        <source>Type (choice/text/number/boolean)</source>
        <translation>نوع (choice/text/number/boolean)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="107" />
        <source>Values (id=Persian/English; …)</source>
        <translation>مقدارها (شناسه=فارسی/انگلیسی؛ …)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="108" />
        <source>Default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="117" />
        <source>From labels</source>
        <translation>از برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="118" />
        <source>To labels</source>
        <translation>به برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="123" />
        <source>Attributes</source>
        <translation>ویژگی‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="124" />
        <source>Relation types</source>
        <translation>گونه‌های پیوند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="128" />
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="132" />
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="155" />
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="157" />
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="275" />
        <source>label %1: kind must be entity or claim</source>
        <translation>برچسب %1: گونه باید entity یا claim باشد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="277" />
        <source>label %1: %2 is not a colour</source>
        <translation>برچسب %1: %2 رنگ نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="296" />
        <source>attribute %1: unknown type %2</source>
        <translation>ویژگی %1: نوع ناشناختهٔ %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="310" />
        <source>attribute %1: default is not a number</source>
        <translation>ویژگی %1: پیش‌فرض عدد نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="362" />
        <source>Nothing changed</source>
        <translation>چیزی تغییر نکرد</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="387" />
        <source>Spans added: %1</source>
        <translation>بازه‌های افزوده: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="402" />
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="263" />
        <source>The document list is being read again (documents.json changed outside annotator; its progress is under the list): search again when it is done</source>
        <translation>فهرست سندها دوباره خوانده می‌شود (documents.json بیرون از annotator تغییر کرده است؛ پیشرفتش زیر فهرست است)؛ پس از پایان دوباره جست‌وجو کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="235" />
        <source>Those results were of another project or article: search again</source>
        <translation>آن نتیجه‌ها از پروژه یا مقالهٔ دیگری بودند؛ دوباره جست‌وجو کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="268" />
        <source>The search index is being made (its progress is under the document list): search again when it is done</source>
        <translation>نمایهٔ جست‌وجو در حال ساخته شدن است (پیشرفتش زیر فهرست سندهاست)؛ پس از پایان دوباره جست‌وجو کنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="316" />
        <source>The document list is being read again: tag when it is done</source>
        <translation>فهرست سندها دوباره خوانده می‌شود؛ پس از پایانش برچسب بزنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="318" />
        <source>The search index is being made: tag when it is done</source>
        <translation>نمایهٔ جست‌وجو در حال ساخته شدن است؛ پس از پایانش برچسب بزنید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="356" />
        <source>; in documents marked done, left as they are: %1 (%2)</source>
        <translation>؛ در سندهای «انجام‌شده»، دست‌نخورده: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="347" />
        <location filename="../../annotator/ui/search_panel.py" line="358" />
        <source>%1 document</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="347" />
        <location filename="../../annotator/ui/search_panel.py" line="358" />
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="346" />
        <source>Spans added: %1, in %2</source>
        <translation>بازه‌های افزوده: %1، در %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="351" />
        <source>; already tagged with another label, left as they are: %1</source>
        <translation>؛ با برچسبی دیگر، دست‌نخورده: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="331" />
        <location filename="../../annotator/ui/search_panel.py" line="372" />
        <source>Every result is already tagged “%1”</source>
        <translation>همهٔ نتیجه‌ها از پیش برچسب «%1» دارند</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="149" />
        <source>Results: %1</source>
        <translation>نتیجه‌ها: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="168" />
        <source>Search (%1, %2, digits, ZWNJ and diacritics ignored)</source>
        <translation>جست‌وجو (%1، %2، رقم‌ها، نیم‌فاصله و اعراب یکسان شمرده می‌شوند)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="174" />
        <source>This article</source>
        <translation>همین مقاله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="174" />
        <source>Whole project</source>
        <translation>همهٔ پروژه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="176" />
        <source>Tag all results as</source>
        <translation>برچسب زدن همهٔ نتیجه‌ها به‌عنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="178" />
        <source>Tag every result with the label chosen beside it (%1)</source>
        <translation>برچسب زدن به همهٔ نتیجه‌ها با برچسبی که کنارش برگزیده شده (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="180" />
        <source>Whole words</source>
        <translation>فقط واژهٔ کامل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="181" />
        <source>Match only whole words: تهران, not تهرانی or تهران‌ها</source>
        <translation>فقط واژه‌های کامل: تهران، نه تهرانی یا تهران‌ها</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="47" />
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="51" />
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="51" />
        <source>What</source>
        <translation>مورد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="51" />
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="73" />
        <source>Article and lists</source>
        <translation>مقاله و فهرست‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="75" />
        <source>Select text</source>
        <translation>انتخاب متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="75" />
        <source>drag, double-click a word, Shift+arrows</source>
        <translation>کشیدن، دوبار کلیک روی واژه، Shift و پیکان‌ها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="78" />
        <source>Tag the selection, or relabel the current span</source>
        <translation>برچسب زدن به متن انتخاب‌شده، یا تغییر برچسب بازهٔ جاری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="79" />
        <source>the label's key (Persian digits too)</source>
        <translation>کلید برچسب (رقم‌های فارسی هم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="81" />
        <source>The current span's menu</source>
        <translation>منوی بازهٔ جاری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="81" />
        <source>Menu key  Shift+F10</source>
        <translation>کلید منو  Shift+F10</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="82" />
        <source>Keep the note</source>
        <translation>ثبت یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="83" />
        <source>Delete the current span</source>
        <translation>حذف بازهٔ جاری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="84" />
        <source>Clear the selection and the current span</source>
        <translation>پاک کردن انتخاب و بازهٔ جاری</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="85" />
        <source>Close the search panel</source>
        <translation>بستن پنل جست‌وجو</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="24" />
        <source>Relabel as</source>
        <translation>تغییر برچسب به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="29" />
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="47" />
        <source>Delete span</source>
        <translation>حذف بازه</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="173" />
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="174" />
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="175" />
        <source>Links</source>
        <translation>پیوندها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_table.py" line="176" />
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>TagAllQuestion</name>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="41" />
        <source>Tag all</source>
        <translation>برچسب زدن همه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="96" />
        <source>Also tag those already tagged with another label (%1)</source>
        <translation>آن‌هایی را هم که برچسب دیگری دارند برچسب بزن (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="101" />
        <source>Tag it too, although it is marked done</source>
        <translation>با این‌که «انجام‌شده» است، برچسب بزن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="103" />
        <source>Also tag in the documents marked done (%1)</source>
        <translation>در سندهای «انجام‌شده» هم برچسب بزن (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="107" />
        <source>Nothing will be tagged “%1” unless you tick a box below.</source>
        <translation>هیچ نتیجه‌ای برچسب «%1» نمی‌خورد مگر گزینه‌ای را در زیر تیک بزنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="111" />
        <source>Tag %1 as “%2” in this article?</source>
        <translation>%1 در این مقاله به‌عنوان «%2» برچسب بخورد؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="112" />
        <location filename="../../annotator/ui/tag_all_question.py" line="118" />
        <location filename="../../annotator/ui/tag_all_question.py" line="150" />
        <source>%1 result</source>
        <translation>%1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="112" />
        <location filename="../../annotator/ui/tag_all_question.py" line="118" />
        <location filename="../../annotator/ui/tag_all_question.py" line="150" />
        <source>%1 results</source>
        <translation>%1 نتیجه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="117" />
        <source>Tag %1 as “%2” in %3?</source>
        <translation>%1 در %3 به‌عنوان «%2» برچسب بخورد؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="119" />
        <source>%1 document</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="119" />
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="132" />
        <source>%1 result already has the label “%2”: not tagged twice.</source>
        <translation>%1 نتیجه از پیش برچسب «%2» دارد: دوباره برچسب نمی‌خورد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="133" />
        <source>%1 results already have the label “%2”: not tagged twice.</source>
        <translation>%1 نتیجه از پیش برچسب «%2» دارد: دوباره برچسب نمی‌خورد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="141" />
        <source>%1 result has another label: left as it is unless you tick the box below.</source>
        <translation>%1 نتیجه برچسب دیگری دارد: دست‌نخورده می‌ماند مگر گزینهٔ زیر را تیک بزنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="142" />
        <source>%1 results have another label: left as they are unless you tick the box below.</source>
        <translation>%1 نتیجه برچسب دیگری دارد: دست‌نخورده می‌ماند مگر گزینهٔ زیر را تیک بزنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="148" />
        <source>This article is marked done: left as it is unless you tick the box below.</source>
        <translation>این مقاله «انجام‌شده» علامت خورده است: دست‌نخورده می‌ماند مگر گزینهٔ زیر را تیک بزنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="154" />
        <source>%1 document you marked done has %2: left as it is unless you tick the box below.</source>
        <translation>%1 سند «انجام‌شده» %2 دارد: دست‌نخورده می‌ماند مگر گزینهٔ زیر را تیک بزنید.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_all_question.py" line="156" />
        <source>%1 documents you marked done have %2: left as they are unless you tick the box below.</source>
        <translation>%1 سند «انجام‌شده» %2 دارند: دست‌نخورده می‌مانند مگر گزینهٔ زیر را تیک بزنید.</translation>
    </message>
</context>
</TS>