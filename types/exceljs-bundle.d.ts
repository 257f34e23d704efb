/** The single-file build of exceljs has the package's API (src/local/export/xlsx.ts). */
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
