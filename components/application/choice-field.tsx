import { describedByIds, FieldMessages } from '@/components/form/field-messages'

type Option = { value: string; label: string }
type Props = {
  kind: 'select' | 'radios'
  name: string
  label: string
  hint?: string
  error?: string
  options: Option[]
  value: string
}

/** A select for long lists, radios for short ones; both labelled and tied to hint and error. */
export function ChoiceField({ kind, name, label, hint, error, options, value }: Props) {
  const describedBy = describedByIds(name, hint, error)
  const messages = <FieldMessages id={name} hint={hint} error={error} />
  if (kind === 'select') {
    return (
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <label htmlFor={name}>{label}</label>
        {messages}
        <select
          id={name}
          name={name}
          className="select"
          defaultValue={value}
          aria-describedby={describedBy}
        >
          <option value="" />
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    )
  }
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="label">{label}</legend>
        {messages}
        <div className="radios">
          {options.map((o, i) => (
            <label key={o.value}>
              <input
                type="radio"
                id={i === 0 ? name : `${name}-${o.value}`}
                name={name}
                value={o.value}
                defaultChecked={o.value === value}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
