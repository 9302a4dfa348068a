using DentalClaimsHub.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

/// <summary>A postal address as <c>address_*</c> (or <c>{prefix}_*</c>) columns on its owner's row (patients, practices).</summary>
internal static class AddressColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Address> address)
        where TOwner : class => Map(address, "address");

    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Address> address, string prefix)
        where TOwner : class
    {
        address.Property(a => a.Line1).HasColumnName(prefix + "_line1").HasMaxLength(110);
        address.Property(a => a.Line2).HasColumnName(prefix + "_line2").HasMaxLength(110);
        address.Property(a => a.City).HasColumnName(prefix + "_city").HasMaxLength(60);
        address.Property(a => a.Region).HasColumnName(prefix + "_region").HasMaxLength(60);
        address.Property(a => a.PostalCode).HasColumnName(prefix + "_postal_code").HasMaxLength(20);
        address.Property(a => a.CountryCode).HasColumnName(prefix + "_country_code").HasMaxLength(2);
    }
}
