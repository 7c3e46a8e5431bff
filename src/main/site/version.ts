/** Shown in Administration > Sites and sent to child sites, which refuse a newer parent. */
export const productVersion = '0.1.0';
