import type { Messages } from '../../i18n/use-messages';

const en = {
  title: 'Sign in',
  intro: 'The campaign’s figures are for Amnesty staff and regional coordinators.',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  wrongCredentials: 'Wrong email or password.',
  tooManyAttempts_one: 'Too many sign-in attempts; try again in {{count}} minute.',
  tooManyAttempts_other: 'Too many sign-in attempts; try again in {{count}} minutes.',
  'demo.title': 'Demo accounts',
  'demo.intro':
    'This server runs on its embedded demo database, so these accounts are open to anyone. Each sees what its role allows.',
  'demo.signInAs': 'Sign in as {{account}}',
};

const es: Messages<typeof en>['es'] = {
  title: 'Iniciar sesión',
  intro: 'Las cifras de la campaña son para el personal de Amnistía y la coordinación regional.',
  email: 'Correo electrónico',
  password: 'Contraseña',
  submit: 'Entrar',
  submitting: 'Entrando…',
  wrongCredentials: 'Correo electrónico o contraseña incorrectos.',
  tooManyAttempts_one: 'Demasiados intentos de inicio de sesión; vuelve a intentarlo dentro de {{count}} minuto.',
  tooManyAttempts_other: 'Demasiados intentos de inicio de sesión; vuelve a intentarlo dentro de {{count}} minutos.',
  'demo.title': 'Cuentas de demostración',
  'demo.intro':
    'Este servidor usa su base de datos de demostración integrada, así que cualquiera puede usar estas cuentas. Cada una ve lo que su rol permite.',
  'demo.signInAs': 'Entrar como {{account}}',
};

const fr: Messages<typeof en>['fr'] = {
  title: 'Connexion',
  intro: 'Les chiffres de la campagne sont réservés au personnel d’Amnesty et aux coordinations régionales.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  wrongCredentials: 'Adresse e-mail ou mot de passe incorrect.',
  tooManyAttempts_one: 'Trop de tentatives de connexion ; réessayez dans {{count}} minute.',
  tooManyAttempts_other: 'Trop de tentatives de connexion ; réessayez dans {{count}} minutes.',
  'demo.title': 'Comptes de démonstration',
  'demo.intro':
    'Ce serveur utilise sa base de données de démonstration intégrée : ces comptes sont donc ouverts à tous. Chacun voit ce que son rôle permet.',
  'demo.signInAs': 'Se connecter en tant que {{account}}',
};

const ar: Messages<typeof en>['ar'] = {
  title: 'تسجيل الدخول',
  intro: 'أرقام الحملة مخصّصة لفريق عمل منظمة العفو الدولية ومنسّقي المناطق.',
  email: 'البريد الإلكتروني',
  password: 'كلمة المرور',
  submit: 'تسجيل الدخول',
  submitting: 'جارٍ تسجيل الدخول…',
  wrongCredentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  tooManyAttempts_zero: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة الآن.',
  tooManyAttempts_one: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة بعد دقيقة واحدة.',
  tooManyAttempts_two: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة بعد دقيقتين.',
  tooManyAttempts_few: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة بعد {{count}} دقائق.',
  tooManyAttempts_many: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة بعد {{count}} دقيقة.',
  tooManyAttempts_other: 'محاولات تسجيل دخول كثيرة جدًا؛ أعد المحاولة بعد {{count}} دقيقة.',
  'demo.title': 'حسابات تجريبية',
  'demo.intro':
    'يعمل هذا الخادم على قاعدة بياناته التجريبية المدمجة، لذا فهذه الحسابات متاحة للجميع. يرى كل حساب ما يسمح به دوره.',
  'demo.signInAs': 'تسجيل الدخول باسم {{account}}',
};

export const loginMessages: Messages<typeof en> = { en, es, fr, ar };
