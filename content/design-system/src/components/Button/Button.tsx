import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Spinner } from '../Spinner/Spinner.js';
import styles from './Button.module.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'tertiary' | 'danger';
  size?: 'sm' | 'md' | 'lg';
  loading?: boolean;
  iconStart?: ReactNode;
  iconEnd?: ReactNode;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'primary', size = 'md', loading = false, iconStart, iconEnd, children, onClick, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      className={`${styles.button} ${styles[variant]} ${styles[size]}`}
      aria-busy={loading || undefined}
      // Not `disabled` while loading: keeps focus where the user left it.
      onClick={loading ? undefined : onClick}
      {...rest}
    >
      {loading ? <Spinner size={size} /> : iconStart}
      <span>{children}</span>
      {iconEnd}
    </button>
  );
});
