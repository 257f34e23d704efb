/**
 * The Sheets advanced service (Sheets API v4, global `Sheets`): @types/google-apps-script
 * declares it in apis/sheets_v4.d.ts, which its index does not include.
 */
/// <reference path="../node_modules/@types/google-apps-script/apis/sheets_v4.d.ts" />
