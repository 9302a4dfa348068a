using DentalClaimsHub.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

/// <summary>A postal address as <c>address_*</c> columns on its owner's row (patients, practices).</summary>
internal static class AddressColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Address> address)
        where TOwner : class
    {
        address.Property(a => a.Line1).HasColumnName("address_line1").HasMaxLength(110);
        address.Property(a => a.Line2).HasColumnName("address_line2").HasMaxLength(110);
        address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(60);
        address.Property(a => a.Region).HasColumnName("address_region").HasMaxLength(60);
        address.Property(a => a.PostalCode).HasColumnName("address_postal_code").HasMaxLength(20);
        address.Property(a => a.CountryCode).HasColumnName("address_country_code").HasMaxLength(2);
    }
}
