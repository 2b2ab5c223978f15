/** The JSON-Schema form renderer for item application forms (see SchemaFields). */
export { SchemaFields } from './SchemaFields.tsx';
export { FormValues } from './FormValues.tsx';
export { WidgetControl, DateInput, RegionCodeInput, FileRefInput } from './controls.tsx';
export {
  fieldsOf,
  columnsOf,
  prefillValues,
  maskedPrefills,
  recordBoundFields,
  toFormData,
  type FormSpec,
  type FieldModel,
  type PrefillSource,
} from './model.ts';
export { rulesFor } from './rules.ts';
