import { describe, expect, it } from 'vitest';
import { createFeatureMatcher, featureNames } from './feature-matcher.js';
import { nameTokens } from './name-tokens.js';

describe('nameTokens', () => {
  it('splits ids, titles and paths into the same lower-case words', () => {
    expect(nameTokens('BookingFlow')).toEqual(['booking', 'flow']);
    expect(nameTokens('booking-flow')).toEqual(['booking', 'flow']);
    expect(nameTokens('tests/booking_flow.test.ts')).toEqual(['tests', 'booking', 'flow', 'test', 'ts']);
    expect(nameTokens('Notification.Email.Send')).toEqual(['notification', 'email', 'send']);
    expect(nameTokens('JWTValidation')).toEqual(['jwt', 'validation']);
    expect(nameTokens('Réserver un créneau')).toEqual(['réserver', 'un', 'créneau']);
    expect(nameTokens(' > ')).toEqual([]);
  });
});

describe('createFeatureMatcher', () => {
  const matcher = createFeatureMatcher([
    featureNames({ id: 'BookingFlow', title: 'Book Appointment' }),
    featureNames({ id: 'Booking' }),
    featureNames({ id: 'Auth.Login', title: 'Sign in' }),
    featureNames({ id: 'Notification.Email.Send' }),
  ]);

  it('finds a feature by its id or its title as whole consecutive words, in any of the texts', () => {
    expect(matcher.match(['src/booking-flow.test.ts', 'creates a booking'])).toEqual(['BookingFlow']);
    expect(matcher.match(['Book Appointment', 'Valid appointment request'])).toEqual(['BookingFlow']);
    expect(matcher.match(['auth login > rejects a wrong password'])).toEqual(['Auth.Login']);
    expect(matcher.match(['NotificationEmailSendTests'])).toEqual(['Notification.Email.Send']);
  });

  it('prefers the longest name found, so a shorter feature name inside a longer one loses', () => {
    expect(matcher.match(['BookingFlow > creates'])).toEqual(['BookingFlow']);
    expect(matcher.match(['Booking > cancels'])).toEqual(['Booking']);
  });

  it('does not match parts of words, and gives every feature of a tie', () => {
    expect(matcher.match(['Bookings are listed', 'signing in'])).toEqual([]);
    const tie = createFeatureMatcher([featureNames({ id: 'Cart' }), featureNames({ id: 'Checkout' })]);
    expect(tie.match(['cart and checkout'])).toEqual(['Cart', 'Checkout']);
  });
});
