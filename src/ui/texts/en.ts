import type { BuiltInTexts } from './types';

/** Built-in English: plain and honest, no dark patterns. */
export const en: BuiltInTexts = {
  texts: {
    bannerTitle: 'We value your privacy',
    bannerDescription:
      'We use cookies and similar technologies to keep this site working. With your permission, we would also like to use them to understand how the site is used and to show relevant ads. You can accept all, reject all, or choose for yourself, and change your mind at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    preferences: 'Settings',
    save: 'Save choices',
    close: 'Close',
    dialogTitle: 'Cookie settings',
    dialogDescription:
      'Choose which kinds of cookies and similar technologies we may use. Necessary ones are always on because the site cannot work without them; everything else stays off unless you switch it on.',
    privacyPolicy: 'Privacy policy',
    consentDocument: 'Consent to personal data processing',
    operator: 'Data controller',
    alwaysOn: 'Always on',
    saved: 'Preferences saved',
    gpcHonoured: "Your browser's Global Privacy Control signal was honoured: marketing is off.",
    reopen: 'Cookie settings',
    services: 'Services',
    cookieName: 'Name',
    cookiePurpose: 'Purpose',
    cookieLifetime: 'Lifetime',
    provider: 'Provider',
    thirdParty: 'Third party',
    abroad: 'Transferred abroad',
    consentNotice:
      'By choosing "Accept all" or saving your settings, you consent to the processing of your personal data on the terms set out in the consent document.',
    yes: 'Yes',
    no: 'No',
  },
  categories: {
    necessary: {
      title: 'Necessary',
      description:
        'Needed for the site to work and to remember your choices here, such as security and load balancing. They cannot be switched off.',
    },
    preferences: {
      title: 'Preferences',
      description: 'Remember settings such as your language or region so the site works the way you like.',
    },
    analytics: {
      title: 'Analytics',
      description:
        'Help us understand how visitors use the site, such as which pages are popular, so we can improve it. The statistics are collected in aggregate.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Used by us and our advertising partners to show ads that are more relevant to you and to measure how well they work.',
    },
  },
};
