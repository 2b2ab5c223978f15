/** An electronic license an applicant holds (GET /api/v1/licenses): the license document of one of their granted cases. */
export interface HeldLicense {
  id: number;
  number: string;
  /** the license type, as the catalog's `licenseType` of a material names it (营业执照 …) */
  type: string;
  issuer: string;
  issuedAt: string;
  caseId: number;
  caseNumber: string;
}
