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

export const loginMessages: Messages<typeof en> = { en, es };
