import type { PublicLanguage } from '../../common/public-language';
import type { Protection } from './snapshot-content';

type Figures = { actions: string; cases: string; groups: string; countries: string };

interface Words {
  languageName: string;
  languages: string;
  status: Record<'FINAL' | 'PROVISIONAL', string>;
  asOf: (asOf: string, published: string) => string;
  actions: (n: string) => string;
  summary: (f: Figures) => string;
  checksum: string;
  download: string;
  charts: { cumulative: string; cases: string; countries: string };
  casesAndOutcomes: string;
  byCountry: string;
  byRegion: string;
  byAction: string;
  bySubdivision: string;
  topGroups: string;
  column: { case: string; country: string; actions: string; outcomes: string; reports: string; region: string; action: string; subdivision: string; group: string };
  notGiven: string;
  methodology: string;
  /** The methodology in this language; null for English, which shows the text frozen in the snapshot. */
  methodologyText: ((p: Protection) => string) | null;
  outcomeKind: Record<string, string>;
  actionType: Record<string, string>;
  chart: {
    cumulativeTitle: (year: string) => string;
    days: string;
    casesTitle: (year: string) => string;
    countriesTitle: (year: string) => string;
    seriesActions: (year: string, total: string) => string;
    belowThreshold: string;
    notShown: string;
  };
}

/**
 * What a snapshot's public page and charts say around the frozen figures, in the four languages
 * Amnesty works in. Names (cases, regions, groups) are data and stay as published.
 */
export const SNAPSHOT_WORDS: Record<PublicLanguage, Words> = {
  en: {
    languageName: 'English',
    languages: 'Language',
    status: { FINAL: 'FINAL', PROVISIONAL: 'PROVISIONAL' },
    asOf: (asOf, published) => `Figures as of ${asOf} · published ${published}`,
    actions: (n) => `${n} actions`,
    summary: (f) => `${f.actions} actions for ${f.cases} cases by ${f.groups} groups and individuals in ${f.countries} countries.`,
    checksum: 'SHA-256 of the published data:',
    download: 'Download:',
    charts: { cumulative: 'cumulative chart (PNG)', cases: 'cases chart (PNG)', countries: 'countries chart (PNG)' },
    casesAndOutcomes: 'Cases and outcomes',
    byCountry: "By writers' country",
    byRegion: 'By region',
    byAction: 'By action',
    bySubdivision: 'By subdivision',
    topGroups: 'Top groups',
    column: { case: 'Case', country: 'Country', actions: 'Actions', outcomes: 'Outcomes', reports: 'Reports', region: 'Region', action: 'Action', subdivision: 'Subdivision', group: 'Group' },
    notGiven: 'Not given',
    methodology: 'Methodology',
    methodologyText: null,
    outcomeKind: {},
    actionType: {},
    chart: {
      cumulativeTitle: (year) => `Cumulative actions by campaign day, ${year} and earlier years`,
      days: 'Days since writing started',
      casesTitle: (year) => `Actions by case, ${year}`,
      countriesTitle: (year) => `Actions by writers' country, ${year} (top 12)`,
      seriesActions: (year, total) => `${year}: ${total} actions`,
      belowThreshold: '< threshold',
      notShown: 'not shown',
    },
  },
  es: {
    languageName: 'Español',
    languages: 'Idioma',
    status: { FINAL: 'DEFINITIVA', PROVISIONAL: 'PROVISIONAL' },
    asOf: (asOf, published) => `Cifras a ${asOf} · publicada el ${published}`,
    actions: (n) => `${n} acciones`,
    summary: (f) => `${f.actions} acciones por ${f.cases} casos, de ${f.groups} grupos y personas en ${f.countries} países.`,
    checksum: 'SHA-256 de los datos publicados:',
    download: 'Descargar:',
    charts: { cumulative: 'gráfico acumulado (PNG)', cases: 'gráfico por casos (PNG)', countries: 'gráfico por países (PNG)' },
    casesAndOutcomes: 'Casos y resultados',
    byCountry: 'Por país de quien escribe',
    byRegion: 'Por región',
    byAction: 'Por tipo de acción',
    bySubdivision: 'Por subdivisión',
    topGroups: 'Grupos con más acciones',
    column: { case: 'Caso', country: 'País', actions: 'Acciones', outcomes: 'Resultados', reports: 'Informes', region: 'Región', action: 'Acción', subdivision: 'Subdivisión', group: 'Grupo' },
    notGiven: 'Sin indicar',
    methodology: 'Metodología',
    methodologyText: (p) =>
      'Las acciones son cartas, tarjetas de solidaridad, correos electrónicos, firmas de peticiones, mensajes y otras acciones que ' +
      'grupos y personas comunican para los casos de esta campaña, contadas a partir de los informes recibidos hasta el momento indicado. ' +
      'Los informes retirados y corregidos no se cuentan (una corrección cuenta una vez, tal como se corrigió). El día de un informe es ' +
      'el día en que se comunicó, en la zona horaria de la campaña. Los informes siguen llegando después del plazo: una publicación ' +
      'PROVISIONAL se publicó antes del plazo de los informes y una posterior puede mostrar más. ' +
      `Para proteger a las personas, no se muestra ninguna cifra inferior a ${p.suppressBelow} («< ${p.suppressBelow}»), y se ocultan ` +
      'otras cifras, empezando por las más pequeñas, allí donde una oculta pudiera deducirse por resta: del total y el resto de un ' +
      'desglose, de una región y sus países, de un país y sus subdivisiones, del país de un caso y sus casos, o de otra publicación del ' +
      'mismo año, de este ámbito o de uno que se solape (una cifra oculta allí también se oculta aquí, ninguna cifra difiere de la misma ' +
      `cifra allí en menos de ${p.suppressBelow}, y una cifra mostrada allí, o el total de una publicación de un solo país, región o ` +
      'subdivisión, nunca sirve para ocultar otra: ya es pública). ' +
      'Así, un desglose oculta al menos dos cifras, o ninguna' +
      (p.includeGroupNames ? '.' : '; y no se nombra a ningún grupo.'),
    outcomeKind: {
      RELEASED: 'liberación',
      CHARGES_DROPPED: 'cargos retirados',
      ACQUITTED: 'absolución',
      SENTENCE_REDUCED: 'condena reducida',
      CONDITIONS_IMPROVED: 'mejores condiciones',
      JUSTICE_PROGRESS: 'avances hacia la justicia',
      POLICY_CHANGE: 'cambio de política o ley',
      SETBACK: 'retroceso',
      OTHER: 'otra novedad',
    },
    actionType: {
      LETTER: 'Cartas',
      SOLIDARITY: 'Mensajes de solidaridad',
      EMAIL: 'Correos electrónicos',
      PETITION: 'Firmas de peticiones',
      SMS: 'Mensajes de texto',
      SOCIAL: 'Publicaciones en redes sociales',
      FAX: 'Faxes',
      OTHER: 'Otras acciones',
    },
    chart: {
      cumulativeTitle: (year) => `Acciones acumuladas por día de campaña, ${year} y años anteriores`,
      days: 'Días desde el inicio de la escritura',
      casesTitle: (year) => `Acciones por caso, ${year}`,
      countriesTitle: (year) => `Acciones por país de quien escribe, ${year} (los 12 primeros)`,
      seriesActions: (year, total) => `${year}: ${total} acciones`,
      belowThreshold: '< umbral',
      notShown: 'no se muestra',
    },
  },
  fr: {
    languageName: 'Français',
    languages: 'Langue',
    status: { FINAL: 'DÉFINITIVE', PROVISIONAL: 'PROVISOIRE' },
    asOf: (asOf, published) => `Chiffres au ${asOf} · publiée le ${published}`,
    actions: (n) => `${n} actions`,
    summary: (f) => `${f.actions} actions pour ${f.cases} cas, menées par ${f.groups} groupes et particuliers dans ${f.countries} pays.`,
    checksum: 'SHA-256 des données publiées :',
    download: 'Télécharger :',
    charts: { cumulative: 'graphique cumulé (PNG)', cases: 'graphique par cas (PNG)', countries: 'graphique par pays (PNG)' },
    casesAndOutcomes: 'Cas et résultats',
    byCountry: 'Par pays des participants',
    byRegion: 'Par région',
    byAction: 'Par type d’action',
    bySubdivision: 'Par subdivision',
    topGroups: 'Groupes les plus actifs',
    column: { case: 'Cas', country: 'Pays', actions: 'Actions', outcomes: 'Résultats', reports: 'Rapports', region: 'Région', action: 'Action', subdivision: 'Subdivision', group: 'Groupe' },
    notGiven: 'Non précisé',
    methodology: 'Méthodologie',
    methodologyText: (p) =>
      'Les actions sont les lettres, cartes de solidarité, courriels, signatures de pétitions, messages et autres actions que des ' +
      'groupes et des particuliers signalent pour les cas de cette campagne, comptées à partir des rapports reçus jusqu’au moment indiqué. ' +
      'Les rapports retirés ou corrigés ne sont pas comptés (une correction compte une fois, telle que corrigée). Le jour d’un rapport est ' +
      'celui où il a été signalé, dans le fuseau horaire de la campagne. Les rapports continuent d’arriver après la date limite : une ' +
      'publication PROVISOIRE paraît avant la date limite des rapports, et une publication ultérieure peut en montrer davantage. ' +
      `Pour protéger les personnes, aucun chiffre inférieur à ${p.suppressBelow} n’est affiché (« < ${p.suppressBelow} »), et d’autres ` +
      'chiffres sont masqués, les plus petits d’abord, partout où un chiffre masqué pourrait être retrouvé par soustraction : à partir du ' +
      'total et du reste d’une ventilation, d’une région et de ses pays, d’un pays et de ses subdivisions, du pays d’un cas et de ses cas, ' +
      'ou d’une autre publication de la même année, de ce périmètre ou d’un périmètre qui le recoupe (un chiffre masqué là-bas l’est aussi ici, ' +
      `aucun chiffre ne diffère du même chiffre là-bas de moins de ${p.suppressBelow}, et un chiffre affiché là-bas, ou le total d’une ` +
      'publication d’un seul pays, d’une seule région ou subdivision, ne sert jamais à en masquer un autre : il est déjà public). ' +
      'Une ventilation masque donc au moins deux chiffres, ou aucun' +
      (p.includeGroupNames ? '.' : ' ; et aucun groupe n’est nommé.'),
    outcomeKind: {
      RELEASED: 'libération',
      CHARGES_DROPPED: 'abandon des charges',
      ACQUITTED: 'acquittement',
      SENTENCE_REDUCED: 'peine réduite',
      CONDITIONS_IMPROVED: 'conditions améliorées',
      JUSTICE_PROGRESS: 'avancée vers la justice',
      POLICY_CHANGE: 'changement de politique ou de loi',
      SETBACK: 'recul',
      OTHER: 'autre évolution',
    },
    actionType: {
      LETTER: 'Lettres',
      SOLIDARITY: 'Messages de solidarité',
      EMAIL: 'Courriels',
      PETITION: 'Signatures de pétitions',
      SMS: 'SMS',
      SOCIAL: 'Publications sur les réseaux sociaux',
      FAX: 'Télécopies',
      OTHER: 'Autres actions',
    },
    chart: {
      cumulativeTitle: (year) => `Actions cumulées par jour de campagne, ${year} et années précédentes`,
      days: 'Jours depuis le début de l’écriture',
      casesTitle: (year) => `Actions par cas, ${year}`,
      countriesTitle: (year) => `Actions par pays des participants, ${year} (les 12 premiers)`,
      seriesActions: (year, total) => `${year} : ${total} actions`,
      belowThreshold: '< seuil',
      notShown: 'non affiché',
    },
  },
  ar: {
    languageName: 'العربية',
    languages: 'اللغة',
    status: { FINAL: 'نهائية', PROVISIONAL: 'أولية' },
    asOf: (asOf, published) => `الأرقام حتى ${asOf} · نُشرت في ${published}`,
    actions: (n) => `${n} تحرك`,
    // Counted nouns in Arabic change form with the number: label and figure side by side reads right whatever the figure.
    summary: (f) => `التحركات: ${f.actions} · الحالات: ${f.cases} · المجموعات والأفراد: ${f.groups} · البلدان: ${f.countries}.`,
    checksum: 'بصمة SHA-256 للبيانات المنشورة:',
    download: 'التنزيل:',
    charts: { cumulative: 'الرسم البياني التراكمي (PNG)', cases: 'رسم الحالات البياني (PNG)', countries: 'رسم البلدان البياني (PNG)' },
    casesAndOutcomes: 'الحالات والنتائج',
    byCountry: 'حسب بلد المشاركين',
    byRegion: 'حسب المنطقة',
    byAction: 'حسب نوع التحرك',
    bySubdivision: 'حسب التقسيم الإداري',
    topGroups: 'المجموعات الأكثر نشاطًا',
    column: { case: 'الحالة', country: 'البلد', actions: 'التحركات', outcomes: 'النتائج', reports: 'التقارير', region: 'المنطقة', action: 'التحرك', subdivision: 'التقسيم الإداري', group: 'المجموعة' },
    notGiven: 'غير محدد',
    methodology: 'المنهجية',
    methodologyText: (p) =>
      'التحركات هي الرسائل وبطاقات التضامن ورسائل البريد الإلكتروني والتوقيعات على العرائض والرسائل وغيرها من التحركات التي ' +
      'تبلّغ عنها المجموعات والأفراد من أجل حالات هذه الحملة، محسوبةً من التقارير الواردة حتى الوقت المذكور. ' +
      'لا تُحتسب التقارير المسحوبة والمصحَّحة (يُحتسب التصحيح مرة واحدة، كما صُحّح). يوم التقرير هو اليوم الذي أُبلغ فيه، بتوقيت ' +
      'المنطقة الزمنية للحملة. تستمر التقارير في الوصول بعد الموعد النهائي: نُشرت اللقطة الأولية قبل الموعد النهائي للتقارير، وقد ' +
      'تُظهر لقطة لاحقة المزيد. ' +
      `حمايةً للأشخاص، لا يُعرض أي رقم أقل من ${p.suppressBelow} («< ${p.suppressBelow}»)، وتُخفى أرقام أخرى، الأصغر أولًا، ` +
      'حيثما أمكن استنتاج رقم مخفي بالطرح: من المجموع وبقية التوزيع، أو من منطقة وبلدانها، أو من بلد وتقسيماته الإدارية، أو من بلد ' +
      'الحالة وحالاته، أو من لقطة أخرى منشورة للسنة نفسها، لهذا النطاق أو لنطاق متداخل معه (الرقم المخفي هناك يُخفى هنا أيضًا، ولا يختلف أي رقم عن الرقم نفسه هناك ' +
      `بأقل من ${p.suppressBelow}، ولا يُستخدم رقم معروض هناك، أو مجموع لقطة لبلد أو منطقة أو تقسيم إداري واحد، لإخفاء رقم آخر: فهو منشور أصلًا). ` +
      'لذا يُخفي كل توزيع رقمين على الأقل، أو لا يُخفي شيئًا' +
      (p.includeGroupNames ? '.' : '؛ ولا تُذكر أي مجموعة بالاسم.'),
    outcomeKind: {
      RELEASED: 'إطلاق سراح',
      CHARGES_DROPPED: 'إسقاط التهم',
      ACQUITTED: 'تبرئة',
      SENTENCE_REDUCED: 'تخفيف الحكم',
      CONDITIONS_IMPROVED: 'تحسّن الظروف',
      JUSTICE_PROGRESS: 'تقدّم نحو العدالة',
      POLICY_CHANGE: 'تغيير في سياسة أو قانون',
      SETBACK: 'انتكاسة',
      OTHER: 'تطور آخر',
    },
    actionType: {
      LETTER: 'رسائل',
      SOLIDARITY: 'رسائل تضامن',
      EMAIL: 'رسائل بريد إلكتروني',
      PETITION: 'توقيعات على عرائض',
      SMS: 'رسائل نصية',
      SOCIAL: 'منشورات على وسائل التواصل الاجتماعي',
      FAX: 'رسائل فاكس',
      OTHER: 'تحركات أخرى',
    },
    chart: {
      cumulativeTitle: (year) => `التحركات التراكمية حسب يوم الحملة، ${year} والسنوات السابقة`,
      days: 'الأيام منذ بدء الكتابة',
      casesTitle: (year) => `التحركات حسب الحالة، ${year}`,
      countriesTitle: (year) => `التحركات حسب بلد المشاركين، ${year} (أول ١٢ بلدًا)`,
      seriesActions: (year, total) => `${year}: ${total} تحرك`,
      belowThreshold: 'أقل من الحد',
      notShown: 'غير معروض',
    },
  },
};
